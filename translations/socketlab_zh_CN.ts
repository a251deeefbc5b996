<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LabArea</name>
    <message>
        <source>Lab</source>
        <translation>实验室</translation>
    </message>
    <message>
        <source>The live lab appears here: real servers and clients on this machine, their threads, and the kernel's accept queue.</source>
        <translation>实时实验室将显示在这里：本机上真实的服务器与客户端、它们的线程，以及内核的全连接队列。</translation>
    </message>
    <message>
        <source>Kernel: %1 %2 · net.core.somaxconn = %3</source>
        <translation>内核：%1 %2 · net.core.somaxconn = %3</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
</context>
<context>
    <name>LessonView</name>
    <message>
        <source>Some lesson files could not be read:</source>
        <translation>部分课程文件无法读取：</translation>
    </message>
    <message>
        <source>This lesson is not yet available in %1; it is shown in English.</source>
        <translation>本课暂无%1版本，以下显示英文原文。</translation>
    </message>
    <message>
        <source>Nothing to show</source>
        <translation>暂无内容</translation>
    </message>
    <message>
        <source>This lesson has no readable text. The problems are listed above.</source>
        <translation>本课没有可读的正文，问题已列在上方。</translation>
    </message>
    <message>
        <source>Choose a lesson from the list.</source>
        <translation>请从列表中选择一课。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SocketLab — Python sockets, live</source>
        <translation>套接字实验室 — 实时观察 Python 套接字</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SocketLab</source>
        <translation>关于套接字实验室(&amp;A)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Some files of this lesson could not be read.</source>
        <translation>本课的部分文件无法读取。</translation>
    </message>
    <message>
        <source>About SocketLab</source>
        <translation>关于套接字实验室</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SocketLab %1&lt;/h3&gt;&lt;p&gt;Python socket programming, taught beside real sockets on this machine.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;Kernel: %3 %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;套接字实验室 %1&lt;/h3&gt;&lt;p&gt;在本机真实套接字旁学习 Python 套接字编程。&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;内核：%3 %4&lt;/p&gt;</translation>
    </message>
</context>
</TS>
