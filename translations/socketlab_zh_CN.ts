<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptQueueView</name>
    <message>
        <source>The kernel&apos;s accept queue cannot be read here.</source>
        <translation>在这里无法读取内核的全连接队列。</translation>
    </message>
    <message>
        <source>Accept queue: %1 waiting for accept() · backlog %2, so room for %3</source>
        <translation>全连接队列：%1 个连接在等待 accept() · backlog 为 %2，所以可容纳 %3 个</translation>
    </message>
    <message>
        <source>… and %1 more slots</source>
        <translation>……另有 %1 个位置</translation>
    </message>
    <message>
        <source>, next in %1 s</source>
        <translation>，%1 秒后再发</translation>
    </message>
    <message>
        <source>Outside the queue (SYN_SENT, connect() still blocked): %1</source>
        <translation>队列之外（SYN_SENT，connect() 仍在阻塞）：%1</translation>
    </message>
    <message>
        <source>Same numbers in a terminal: %1</source>
        <translation>在终端里查看同样的数字：%1</translation>
    </message>
    <message>
        <source>Linux lets backlog + 1 connections wait: the queue counts as full only when it holds more than the backlog.</source>
        <translation>Linux 允许 backlog + 1 个连接等待：只有队列长度超过 backlog 时才算满。</translation>
    </message>
    <message>
        <source>Dropped at full accept queues since the start, all listeners of this machine (TcpExt ListenOverflows): %1</source>
        <translation>开始以来因全连接队列已满而丢弃的次数，统计本机所有监听套接字（TcpExt ListenOverflows）：%1</translation>
    </message>
    <message>
        <source>UDP has no accept queue: datagrams wait in the socket&apos;s receive buffer, which cannot be read here.</source>
        <translation>UDP 没有全连接队列：数据报在套接字的接收缓冲区里等待，但这里读不到它。</translation>
    </message>
    <message>
        <source>UDP has no accept queue: no socket bound yet.</source>
        <translation>UDP 没有全连接队列：还没有绑定的套接字。</translation>
    </message>
    <message>
        <source>UDP receive buffer: %1 of %2 bytes in use · %3 datagrams dropped</source>
        <translation>UDP 接收缓冲区：已用 %1 / %2 字节 · 丢弃 %3 个数据报</translation>
    </message>
    <message>
        <source>UDP receive buffer: %1 bytes in use · %2 datagrams dropped</source>
        <translation>UDP 接收缓冲区：已用 %1 字节 · 丢弃 %2 个数据报</translation>
    </message>
    <message>
        <source>client %1: SYN sent</source>
        <translation>客户端 %1：已发出 SYN</translation>
    </message>
    <message>
        <source>client %1: SYN sent again once</source>
        <translation>客户端 %1：SYN 已重发 1 次</translation>
    </message>
    <message>
        <source>client %1: SYN sent again %2 times</source>
        <translation>客户端 %1：SYN 已重发 %2 次</translation>
    </message>
    <message>
        <source>%1 % full</source>
        <translation>已满 %1 %</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>大小未知</translation>
    </message>
    <message>
        <source>Datagrams wait here until recvfrom() takes them. When the buffer is full the kernel drops new ones silently: the sender is not told.</source>
        <translation>数据报在这里等待 recvfrom() 取走。缓冲区满了以后，内核会悄悄丢掉新来的数据报，发送方不会得到任何通知。</translation>
    </message>
    <message>
        <source>Dropped by this socket since it was created: %1</source>
        <translation>这个套接字创建以来丢弃的数据报：%1</translation>
    </message>
    <message>
        <source>Dropped at full UDP buffers since the start, all sockets of this machine (Udp RcvbufErrors): %1</source>
        <translation>开始以来因 UDP 缓冲区已满而丢弃的数据报，本机所有套接字合计（Udp RcvbufErrors）：%1</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>client %1: connect() returned, the server has no row for it</source>
        <translation>客户端 %1：connect() 已返回，但服务器端没有它的连接记录</translation>
    </message>
    <message>
        <source>Connected, but the final ACK was dropped at the full queue (no server row; only a later retransmission gets in): %1</source>
        <translation>已连接，但最后一个 ACK 在队列已满时被丢弃（服务器端没有记录；只有之后的重传才能进入）：%1</translation>
    </message>
    <message>
        <source>No listener: start a server.</source>
        <translation>没有监听套接字：请启动服务器。</translation>
    </message>
</context>
<context>
    <name>Address</name>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address</source>
        <translation>“%1” 不是 IPv4 地址</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv6 address</source>
        <translation>“%1” 不是 IPv6 地址</translation>
    </message>
    <message>
        <source>a Unix socket needs a path</source>
        <translation>Unix 套接字需要一个路径</translation>
    </message>
    <message>
        <source>Unix socket path is too long (%1 bytes, the limit is %2): %3</source>
        <translation>Unix 套接字路径过长（%1 字节，上限为 %2）：%3</translation>
    </message>
</context>
<context>
    <name>ClientOutcome</name>
    <message>
        <source>pending</source>
        <extracomment>A client&apos;s result: still running</extracomment>
        <translation>等待中</translation>
    </message>
    <message>
        <source>ok</source>
        <extracomment>A client&apos;s result: it got its echo</extracomment>
        <translation>成功</translation>
    </message>
    <message>
        <source>refused</source>
        <extracomment>A client&apos;s result: connect() was refused</extracomment>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>timed out</source>
        <extracomment>A client&apos;s result</extracomment>
        <translation>超时</translation>
    </message>
    <message>
        <source>failed</source>
        <extracomment>A client&apos;s result</extracomment>
        <translation>失败</translation>
    </message>
    <message>
        <source>stopped</source>
        <extracomment>A client&apos;s result: the user stopped it</extracomment>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>ClientPanel</name>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>One every (0 = all at once)</source>
        <translation>间隔（0 = 同时发起）</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Timeout (0 = none)</source>
        <translation>超时（0 = 不设）</translation>
    </message>
    <message>
        <source>Target without a lab server</source>
        <translation>没有实验服务器时的目标</translation>
    </message>
    <message>
        <source>Add 1 client</source>
        <translation>添加 1 个客户端</translation>
    </message>
    <message>
        <source>Add N clients</source>
        <translation>添加 N 个客户端</translation>
    </message>
    <message>
        <source>Kill all clients</source>
        <translation>结束所有客户端</translation>
    </message>
    <message numerus="yes">
        <source>Add %n clients</source>
        <translation>
            <numerusform>添加 %n 个客户端</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionModel</name>
    <message>
        <source>Connecting (SYN retry %1)</source>
        <translation>正在连接（SYN 第 %1 次重发）</translation>
    </message>
    <message>
        <source>Connecting (SYN sent)</source>
        <translation>正在连接（已发出 SYN）</translation>
    </message>
    <message>
        <source>Handshake done, not queued</source>
        <translation>握手已完成，但未进入队列</translation>
    </message>
    <message>
        <source>In the accept queue</source>
        <translation>在全连接队列中</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已被 accept() 取走</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Waiting for the reply</source>
        <translation>等待回复</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>已得到服务</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Connect (s)</source>
        <translation>连接 (秒)</translation>
    </message>
    <message>
        <source>First byte (s)</source>
        <translation>首字节 (秒)</translation>
    </message>
    <message>
        <source>Done (s)</source>
        <translation>完成 (秒)</translation>
    </message>
    <message>
        <source>Latency (s)</source>
        <translation>耗时 (秒)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>最近的调用</translation>
    </message>
    <message>
        <source>Connected, but the final ACK was dropped: not in the queue</source>
        <translation>已连接，但最后一个 ACK 被丢弃：不在队列中</translation>
    </message>
    <message>
        <source>echo received</source>
        <translation>已收到回显</translation>
    </message>
    <message>
        <source>stopped by the lab</source>
        <translation>被实验室停止</translation>
    </message>
    <message>
        <source>refused: %1() got ECONNREFUSED</source>
        <translation>被拒绝：%1() 得到 ECONNREFUSED</translation>
    </message>
    <message>
        <source>timed out in %1()</source>
        <translation>在 %1() 中超时</translation>
    </message>
    <message>
        <source>closed by the server before the reply: recv() returned b&apos;&apos;</source>
        <translation>回复之前服务器关闭了连接：recv() 返回 b&apos;&apos;</translation>
    </message>
    <message>
        <source>reset: %1() got ECONNRESET</source>
        <translation>连接被重置：%1() 得到 ECONNRESET</translation>
    </message>
    <message>
        <source>failed: %1() got %2</source>
        <translation>失败：%1() 得到 %2</translation>
    </message>
    <message>
        <source>server stopped — %1</source>
        <translation>服务器已停止 — %1</translation>
    </message>
    <message>
        <source>Connecting (SYN_SENT)</source>
        <translation>正在连接（SYN_SENT）</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%2：%1 个</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between items of a list</comment>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Time (s)</source>
        <translation>时间 (秒)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>执行者</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>对应的 Python</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <source>worker %1 (tid %2)</source>
        <translation>工作线程 %1（tid %2）</translation>
    </message>
    <message>
        <source>child pid %1</source>
        <translation>子进程 pid %1</translation>
    </message>
    <message>
        <source>server (tid %1)</source>
        <translation>服务器（tid %1）</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>探针</translation>
    </message>
    <message>
        <source>enter</source>
        <extracomment>Event log phase: a call was entered</extracomment>
        <translation>进入</translation>
    </message>
    <message>
        <source>return</source>
        <extracomment>Event log phase: a call returned</extracomment>
        <translation>返回</translation>
    </message>
    <message>
        <source>error</source>
        <extracomment>Event log phase: a call raised an error</extracomment>
        <translation>出错</translation>
    </message>
    <message>
        <source>info</source>
        <extracomment>Event log phase: a note, not a call</extracomment>
        <translation>信息</translation>
    </message>
    <message>
        <source>exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>the peer closed</source>
        <translation>对端已关闭</translation>
    </message>
    <message>
        <source>a pure-Python busy loop</source>
        <translation>纯 Python 的忙循环</translation>
    </message>
    <message>
        <source>waiting for the GIL</source>
        <translation>等待 GIL</translation>
    </message>
    <message>
        <source>in the child: os.fork() returned 0</source>
        <translation>在子进程中：os.fork() 返回了 0</translation>
    </message>
    <message>
        <source>the thread returns</source>
        <translation>线程返回</translation>
    </message>
</context>
<context>
    <name>LabArea</name>
    <message>
        <source>Lab</source>
        <translation>实验室</translation>
    </message>
    <message>
        <source>Kernel: %1 %2 · net.core.somaxconn = %3</source>
        <translation>内核：%1 %2 · net.core.somaxconn = %3</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Could not start the clients: %1</source>
        <translation>无法启动客户端：%1</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Threads and processes</source>
        <translation>线程与进程</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Filter by call, e.g. accept or recv</source>
        <translation>按调用筛选，例如 accept 或 recv</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>复制为 CSV</translation>
    </message>
    <message>
        <source>This lesson&apos;s experiment.json cannot be used: %1</source>
        <translation>本课的 experiment.json 无法使用：%1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例代码</translation>
    </message>
    <message>
        <source>Accept queue</source>
        <translation>全连接队列</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit the run</source>
        <translation>显示整个运行</translation>
    </message>
    <message>
        <source>Ctrl + mouse wheel over the timeline zooms as well</source>
        <translation>在时间线上按住 Ctrl 滚动鼠标滚轮也可以缩放</translation>
    </message>
    <message>
        <source>Timeline as PNG…</source>
        <translation>时间线导出为 PNG…</translation>
    </message>
    <message>
        <source>Timeline as SVG…</source>
        <translation>时间线导出为 SVG…</translation>
    </message>
    <message>
        <source>Accept queue as PNG…</source>
        <translation>全连接队列导出为 PNG…</translation>
    </message>
    <message>
        <source>Accept queue as SVG…</source>
        <translation>全连接队列导出为 SVG…</translation>
    </message>
    <message>
        <source>Events as CSV…</source>
        <translation>事件导出为 CSV…</translation>
    </message>
    <message>
        <source>Clients and latencies as CSV…</source>
        <translation>客户端与延迟导出为 CSV…</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1，地址 %2</translation>
    </message>
    <message>
        <source>%1 (stopped)</source>
        <translation>%1（已停止）</translation>
    </message>
    <message>
        <source>No run yet: start a server or add clients.</source>
        <translation>还没有运行：请启动服务器或添加客户端。</translation>
    </message>
    <message>
        <source>Run %1 ended at %2 s (lab time)</source>
        <translation>第 %1 次运行在 %2 秒结束（实验室时间）</translation>
    </message>
    <message>
        <source>Run %1 · %2 s · paused: the lab clock stands still</source>
        <translation>第 %1 次运行 · %2 秒 · 已暂停：实验室时钟停住了</translation>
    </message>
    <message>
        <source>Run %1 · %2 s</source>
        <translation>第 %1 次运行 · %2 秒</translation>
    </message>
    <message>
        <source>Paused at %1 s. %2 Press Resume to continue.</source>
        <translation>在 %1 秒处暂停。%2 按“继续”接着运行。</translation>
    </message>
    <message>
        <source>Paused at %1 s. This run stood paused for %2 s before this point, and the kernel&apos;s timers (SYN retries, timeouts) and child processes ran on meanwhile, so the lesson&apos;s note for this moment does not describe it. Press Resume to continue.</source>
        <translation>在 %1 秒处暂停。这次运行在此之前已经暂停了 %2 秒，其间内核的计时器（SYN 重传、超时）和子进程一直在运行，所以课程为这一刻写的说明不再符合这次运行。按“继续”接着运行。</translation>
    </message>
    <message>
        <source>Now, %1: %2</source>
        <translation>此刻，%1：%2</translation>
    </message>
    <message>
        <source>%1 (A) + %2 on %3 (B)</source>
        <translation>%1（A）和 %2 的 %3（B）</translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation>第 %1 次运行 · %2</translation>
    </message>
    <message>
        <source>%1 (recorded)</source>
        <translation>%1（录制）</translation>
    </message>
    <message>
        <source>Replay of run %1 · %2 s of %3 s (lab time)</source>
        <translation>第 %1 次运行的回放 · %2 秒 / 共 %3 秒（实验时间）</translation>
    </message>
    <message>
        <source>last run</source>
        <translation>上一次运行</translation>
    </message>
</context>
<context>
    <name>LabSession</name>
    <message>
        <source>The kernel does not pause: in the %1 s the lab stood still</source>
        <translation>内核不会暂停：在实验室停住的 %1 秒里</translation>
    </message>
    <message>
        <source>client %1&apos;s SYN was sent again once</source>
        <translation>客户端 %1 的 SYN 又重发了 1 次</translation>
    </message>
    <message>
        <source>client %1&apos;s SYN was sent again %2 times</source>
        <translation>客户端 %1 的 SYN 又重发了 %2 次</translation>
    </message>
    <message>
        <source>%1 more clients&apos; SYNs were sent again</source>
        <translation>另有 %1 个客户端的 SYN 也重发了</translation>
    </message>
    <message>
        <source>1 client completed its handshake (connect() returned)</source>
        <translation>1 个客户端完成了握手（connect() 已返回）</translation>
    </message>
    <message>
        <source>%1 clients completed their handshake (connect() returned)</source>
        <translation>%1 个客户端完成了握手（connect() 已返回）</translation>
    </message>
    <message>
        <source>, no SYN was sent again and no handshake completed.</source>
        <translation>，没有 SYN 重发，也没有握手完成。</translation>
    </message>
    <message>
        <source>the run was reset</source>
        <translation>这次运行被重置了</translation>
    </message>
    <message>
        <source>the run did not show %1</source>
        <translation>这次运行没有测到 %1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a sentence</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>.</source>
        <comment>the end of a sentence</comment>
        <translation>。</translation>
    </message>
    <message>
        <source>Leave the replay first</source>
        <translation>请先退出回放</translation>
    </message>
    <message>
        <source>The record holds no run</source>
        <translation>这份记录里没有任何运行</translation>
    </message>
</context>
<context>
    <name>LaneDelegate</name>
    <message>
        <source>✕ finished</source>
        <translation>✕ 已结束</translation>
    </message>
    <message>
        <source>· idle</source>
        <translation>· 空闲</translation>
    </message>
    <message>
        <source>■ blocked in %1() for %2 s</source>
        <translation>■ 阻塞在 %1() 中，已 %2 秒</translation>
    </message>
    <message>
        <source>◔ sleeping in %1() for %2 s</source>
        <translation>◔ 在 %1() 中睡眠，已 %2 秒</translation>
    </message>
    <message>
        <source>▶ running %1() for %2 s</source>
        <translation>▶ 正在运行 %1()，已 %2 秒</translation>
    </message>
</context>
<context>
    <name>LessonStrip</name>
    <message>
        <source>Hide lesson</source>
        <translation>隐藏课文</translation>
    </message>
    <message>
        <source>Show lesson</source>
        <translation>显示课文</translation>
    </message>
    <message>
        <source>The lesson&apos;s text beside the lab, or only this strip</source>
        <translation>在实验区旁显示课文，或只保留这一栏</translation>
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
    <message>
        <source>▶ Run this lesson&apos;s experiment in the lab</source>
        <translation>▶ 在实验室里运行本课的实验</translation>
    </message>
    <message>
        <source>No glossary entry &quot;%1&quot;.</source>
        <translation>术语表里没有“%1”。</translation>
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
    <message>
        <source>Zoom %1 %</source>
        <translation>缩放 %1 %</translation>
    </message>
    <message>
        <source>&amp;Desk (100 %)</source>
        <translation>桌面 (100 %)(&amp;D)</translation>
    </message>
    <message>
        <source>Text at its normal size, for working at a desk</source>
        <translation>正常字号，适合在桌前使用</translation>
    </message>
    <message>
        <source>Pro&amp;jector (200 %)</source>
        <translation>投影 (200 %)(&amp;J)</translation>
    </message>
    <message>
        <source>Text twice as large, for a projector or a large screen</source>
        <translation>字号放大一倍，适合投影仪或大屏幕</translation>
    </message>
    <message>
        <source>&amp;Presenter Layout</source>
        <translation>演示布局(&amp;P)</translation>
    </message>
    <message>
        <source>The lab fills the window; the lesson folds into a strip (F5)</source>
        <translation>实验区占满窗口，课文收成一栏（F5）</translation>
    </message>
    <message>
        <source>Lab controls</source>
        <translation>实验控制</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>对比：</translation>
    </message>
    <message>
        <source>quiz: %1 of %2 right</source>
        <translation>测验：%2 题答对 %1 题</translation>
    </message>
    <message>
        <source>experiment run</source>
        <translation>做过实验</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>看过</translation>
    </message>
</context>
<context>
    <name>QuizView</name>
    <message>
        <source>Check yourself</source>
        <translation>自测</translation>
    </message>
    <message>
        <source>Predict, then run: </source>
        <translation>先预测，再运行：</translation>
    </message>
    <message>
        <source>Run the experiment and check</source>
        <translation>运行实验并核对</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Running the experiment in the lab… watch it on the right.</source>
        <translation>正在实验室里运行实验……请看右边。</translation>
    </message>
    <message>
        <source>The run could not be measured: %1</source>
        <translation>这次运行无法测量：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Right.&lt;/b&gt;</source>
        <translation>&lt;b&gt;答对了。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not quite.&lt;/b&gt; The answer is: %1.</source>
        <translation>&lt;b&gt;不太对。&lt;/b&gt;答案是：%1。</translation>
    </message>
    <message>
        <source>The run measured %1, which none of the choices covers.</source>
        <translation>这次运行测得 %1，不在任何一个选项的范围内。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your prediction was right:&lt;/b&gt; the run measured %1 (%2).</source>
        <translation>&lt;b&gt;你的预测是对的：&lt;/b&gt;这次运行测得 %1（%2）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The run measured %1&lt;/b&gt; (%2); you predicted %3.</source>
        <translation>&lt;b&gt;这次运行测得 %1&lt;/b&gt;（%2）；你预测的是 %3。</translation>
    </message>
    <message>
        <source>Usually the answer is %1; a busy machine can change a run.</source>
        <translation>通常的结果是 %1；机器繁忙时一次运行可能不同。</translation>
    </message>
    <message>
        <source>Show the run</source>
        <translation>查看这次运行</translation>
    </message>
    <message>
        <source>Bring the lab&apos;s summary and timeline of this run into view</source>
        <translation>把实验室里这次运行的摘要和时间线显示出来</translation>
    </message>
    <message>
        <source>correct answer</source>
        <translation>正确答案</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>what the run measured</source>
        <translation>运行测得的结果</translation>
    </message>
    <message>
        <source>your prediction</source>
        <translation>你的预测</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 client</source>
        <translation>%1 个客户端</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>%1 个客户端</translation>
    </message>
    <message>
        <source>%1 connection</source>
        <translation>%1 个连接</translation>
    </message>
    <message>
        <source>%1 connections</source>
        <translation>%1 个连接</translation>
    </message>
    <message>
        <source>%1 handle() call</source>
        <translation>%1 次 handle() 调用</translation>
    </message>
    <message>
        <source>%1 handle() calls</source>
        <translation>%1 次 handle() 调用</translation>
    </message>
    <message>
        <source>%1 worker</source>
        <translation>%1 个工作线程或进程</translation>
    </message>
    <message>
        <source>%1 workers</source>
        <translation>%1 个工作线程或进程</translation>
    </message>
    <message>
        <source>%1 empty recv() call</source>
        <translation>%1 次返回空的 recv() 调用</translation>
    </message>
    <message>
        <source>%1 empty recv() calls</source>
        <translation>%1 次返回空的 recv() 调用</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>%1 s / %2 s</source>
        <translation>%1 秒 / %2 秒</translation>
    </message>
    <message>
        <source>event %1 / %2</source>
        <translation>事件 %1 / %2</translation>
    </message>
    <message>
        <source>Replay: %1</source>
        <comment>what is replayed: a file name or &quot;last run&quot;</comment>
        <translation>回放：%1</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>Step back one event (Left arrow)</source>
        <translation>后退一个事件（左方向键）</translation>
    </message>
    <message>
        <source>‖ Pause</source>
        <translation>‖ 暂停</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>Pause the replay (Space)</source>
        <translation>暂停回放（空格键）</translation>
    </message>
    <message>
        <source>Play the run again from here (Space)</source>
        <translation>从这里开始重新播放这次运行（空格键）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>前进 ▶</translation>
    </message>
    <message>
        <source>Step forward one event (Right arrow)</source>
        <translation>前进一个事件（右方向键）</translation>
    </message>
    <message>
        <source>Next pause</source>
        <translation>下一次暂停</translation>
    </message>
    <message>
        <source>Jump to the next place where the run was paused</source>
        <translation>跳到这次运行下一次暂停的地方</translation>
    </message>
    <message>
        <source>The run&apos;s time: drag to go anywhere in it; the marks are where it was paused</source>
        <translation>这次运行的时间轴：拖动可以到达任意时刻；标记处是运行暂停过的地方</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>回放速度</translation>
    </message>
    <message>
        <source>Leave replay</source>
        <translation>退出回放</translation>
    </message>
    <message>
        <source>Back to the live lab</source>
        <translation>回到实时的实验室</translation>
    </message>
    <message>
        <source>Events shown so far, of all the run&apos;s events</source>
        <translation>已显示的事件数 / 这次运行的全部事件数</translation>
    </message>
</context>
<context>
    <name>RunFile</name>
    <message>
        <source>The file is empty: it is not a SocketLab run file.</source>
        <translation>文件是空的：它不是套接字实验室的运行文件。</translation>
    </message>
    <message>
        <source>This is not a SocketLab run file.</source>
        <translation>这不是套接字实验室的运行文件。</translation>
    </message>
    <message>
        <source>The file cannot be read: the decompressor did not start.</source>
        <translation>无法读取文件：解压程序没能启动。</translation>
    </message>
    <message>
        <source>The file is damaged: its compressed data is corrupt (%1).</source>
        <translation>文件已损坏：压缩数据有错误（%1）。</translation>
    </message>
    <message>
        <source>The run is too large to open: it unpacks to more than %1 GiB.</source>
        <translation>这次运行太大，无法打开：解压后超过 %1 GiB。</translation>
    </message>
    <message>
        <source>Line %1 of the run file is too long (more than %2 MiB).</source>
        <translation>运行文件第 %1 行太长（超过 %2 MiB）。</translation>
    </message>
    <message>
        <source>The file is truncated: it ends in the middle of the run.</source>
        <translation>文件不完整：它在运行的中途就结束了。</translation>
    </message>
    <message>
        <source>The file is damaged: there is data after the end of the run.</source>
        <translation>文件已损坏：运行结束之后还有多余的数据。</translation>
    </message>
    <message>
        <source>The file is truncated: its last line is incomplete.</source>
        <translation>文件不完整：最后一行没有写完。</translation>
    </message>
    <message>
        <source>The run cannot be saved to %1: %2</source>
        <translation>无法把这次运行保存到 %1：%2</translation>
    </message>
    <message>
        <source>it could not be compressed</source>
        <translation>无法压缩</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <source>The file is too large to open (more than %1 GiB).</source>
        <translation>文件太大，无法打开（超过 %1 GiB）。</translation>
    </message>
    <message>
        <source>not JSON (%1 at byte %2)</source>
        <translation>不是 JSON（第 %2 字节处：%1）</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>it is neither a frame, a burst nor a pause</source>
        <translation>它既不是帧，也不是一批客户端或一次暂停</translation>
    </message>
    <message>
        <source>Line %1 of the run file is malformed: %2.</source>
        <translation>运行文件第 %1 行格式有误：%2。</translation>
    </message>
    <message>
        <source>This run was recorded by a newer SocketLab (run file format %1; this version reads up to %2).</source>
        <translation>这次运行是由更新版本的套接字实验室录制的（运行文件格式 %1；本版本最多只能读取格式 %2）。</translation>
    </message>
    <message>
        <source>%1 is not a positive number</source>
        <translation>%1 不是正数</translation>
    </message>
    <message>
        <source>the time goes back (%1 ns after %2 ns)</source>
        <translation>时间倒退了（%2 ns 之后出现了 %1 ns）</translation>
    </message>
    <message>
        <source>an event is not an array of %1 to %2 numbers</source>
        <translation>某个事件不是由 %1 到 %2 个数字组成的数组</translation>
    </message>
    <message>
        <source>event field %1</source>
        <translation>事件字段 %1</translation>
    </message>
    <message>
        <source>a connection row is not an array of %1 values</source>
        <translation>某个连接行不是由 %1 个值组成的数组</translation>
    </message>
    <message>
        <source>a connection row&apos;s field</source>
        <translation>连接行的字段</translation>
    </message>
    <message>
        <source>%1 does not hold %2 counts</source>
        <translation>%1 没有包含 %2 个计数</translation>
    </message>
    <message>
        <source>a client is not an array of %1 numbers</source>
        <translation>某个客户端不是由 %1 个数字组成的数组</translation>
    </message>
    <message>
        <source>a client&apos;s field</source>
        <translation>客户端的字段</translation>
    </message>
    <message>
        <source>an address is neither text nor null</source>
        <translation>某个地址既不是文本，也不是 null</translation>
    </message>
    <message>
        <source>%1 is not an address</source>
        <translation>%1 不是地址</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>%1 is not an object</source>
        <translation>%1 不是对象</translation>
    </message>
    <message>
        <source>%1 is not a list</source>
        <translation>%1 不是列表</translation>
    </message>
    <message>
        <source>%1 is not text</source>
        <translation>%1 不是文本</translation>
    </message>
    <message>
        <source>%1 is not true or false</source>
        <translation>%1 不是 true 或 false</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 不是数字</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 不是整数</translation>
    </message>
    <message>
        <source>%1 is out of range (%2)</source>
        <translation>%1 超出范围（%2）</translation>
    </message>
</context>
<context>
    <name>RunFileActions</name>
    <message>
        <source>&amp;Open Run…</source>
        <translation>打开运行记录…(&amp;O)</translation>
    </message>
    <message>
        <source>Replay a run recorded before (a .socketlab-run file)</source>
        <translation>回放以前录制的运行（.socketlab-run 文件）</translation>
    </message>
    <message>
        <source>&amp;Save Run…</source>
        <translation>保存运行记录…(&amp;S)</translation>
    </message>
    <message>
        <source>Save the run shown, to replay it later or on another computer</source>
        <translation>保存当前显示的运行，以便稍后或在另一台电脑上回放</translation>
    </message>
    <message>
        <source>&amp;Replay Last Run</source>
        <translation>回放上一次运行(&amp;R)</translation>
    </message>
    <message>
        <source>Play the last run again from its recording: step through what happened</source>
        <translation>按录制内容重放上一次运行：一步一步查看发生了什么</translation>
    </message>
    <message>
        <source>Another run file is being opened.</source>
        <translation>正在打开另一个运行记录文件。</translation>
    </message>
    <message>
        <source>There is no run to save yet: start a server and add clients first.</source>
        <translation>还没有可保存的运行：请先启动服务器并添加客户端。</translation>
    </message>
    <message>
        <source>Cannot replay this file</source>
        <translation>无法回放这个文件</translation>
    </message>
    <message>
        <source>%1 cannot be replayed.

%2</source>
        <translation>无法回放 %1。

%2</translation>
    </message>
    <message>
        <source>Open a recorded run</source>
        <translation>打开录制的运行</translation>
    </message>
    <message>
        <source>SocketLab runs (*%1);;All files (*)</source>
        <translation>SocketLab 运行记录 (*%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the run</source>
        <translation>保存运行记录</translation>
    </message>
    <message>
        <source>SocketLab runs (*%1)</source>
        <translation>SocketLab 运行记录 (*%1)</translation>
    </message>
    <message>
        <source>Cannot save the run</source>
        <translation>无法保存运行记录</translation>
    </message>
    <message>
        <source>Nothing to replay</source>
        <translation>没有可回放的内容</translation>
    </message>
</context>
<context>
    <name>RunStats</name>
    <message>
        <source>1 client</source>
        <translation>1 个客户端</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>%1 个客户端</translation>
    </message>
    <message>
        <source>, %1 s each</source>
        <translation>，每个 %1 秒</translation>
    </message>
    <message>
        <source>: finished in %1 s</source>
        <translation>：共用 %1 秒</translation>
    </message>
    <message>
        <source>: %1 done after %2 s</source>
        <translation>：%2 秒内完成 %1 个</translation>
    </message>
    <message>
        <source>%1 — one at a time</source>
        <translation>%1 — 一次一个</translation>
    </message>
    <message>
        <source>%1 — all at once</source>
        <translation>%1 — 全部同时</translation>
    </message>
    <message>
        <source>%1 — overlapping, at most %2 at once</source>
        <translation>%1 — 部分重叠，最多 %2 个同时</translation>
    </message>
    <message>
        <source>%1 — overlapping</source>
        <translation>%1 — 部分重叠</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>%1 个被拒绝</translation>
    </message>
    <message>
        <source>%1 timed out</source>
        <translation>%1 个超时</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 个失败</translation>
    </message>
    <message>
        <source>%1 stopped</source>
        <translation>%1 个被停止</translation>
    </message>
    <message>
        <source>; </source>
        <comment>before the failure counts</comment>
        <extracomment>Between the run and its failure counts: &quot;… — one at a time; 1 refused&quot;</extracomment>
        <translation>；</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between failure counts</comment>
        <extracomment>Between two failure counts: &quot;1 refused, 1 timed out&quot;</extracomment>
        <translation>，</translation>
    </message>
    <message>
        <source>latency min %1 s, median %2 s, max %3 s · throughput %4 clients/s</source>
        <translation>延迟：最短 %1 秒，中位 %2 秒，最长 %3 秒 · 吞吐量：每秒 %4 个客户端</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>the server is already running</source>
        <translation>服务器已在运行</translation>
    </message>
    <message>
        <source>cannot create a private folder for the Unix socket: %1</source>
        <translation>无法为 Unix 套接字创建私有文件夹：%1</translation>
    </message>
    <message>
        <source>%1() on %2 failed: %3</source>
        <extracomment>%1 a socket call, %2 the address, %3 Python&apos;s error: &quot;OSError: [Errno 98] …&quot;</extracomment>
        <translation>在 %2 上调用 %1() 失败：%3</translation>
    </message>
</context>
<context>
    <name>ServerConfig</name>
    <message>
        <source>backlog must be 0 or more, not %1</source>
        <translation>backlog 必须大于或等于 0，而不是 %1</translation>
    </message>
    <message>
        <source>handler delay must be between 0 and 3600 s</source>
        <translation>处理延时必须在 0 到 3600 秒之间</translation>
    </message>
    <message>
        <source>max message size must be between 1 byte and 64 MiB</source>
        <translation>最大消息长度必须在 1 字节到 64 MiB 之间</translation>
    </message>
    <message>
        <source>max connections must be 0 (no limit) or more</source>
        <translation>最大连接数必须大于或等于 0（0 表示不限）</translation>
    </message>
    <message>
        <source>the seed&apos;s handlers read a stream; use them with a TCP or Unix stream server</source>
        <translation>讲义里的请求处理器读取字节流；请配合 TCP 或 Unix 流式服务器使用</translation>
    </message>
</context>
<context>
    <name>ServerPanel</name>
    <message>
        <source>Could not start: %1</source>
        <translation>无法启动：%1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>地址族</translation>
    </message>
    <message>
        <source>Port (0 = any)</source>
        <translation>端口（0 = 任意）</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>backlog（积压队列长度）</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>请求处理器</translation>
    </message>
    <message>
        <source>Handler delay</source>
        <translation>处理延时</translation>
    </message>
    <message>
        <source>echo</source>
        <translation>回显</translation>
    </message>
    <message>
        <source>sleep, then echo</source>
        <translation>先睡眠，再回显</translation>
    </message>
    <message>
        <source>CPU work, then echo</source>
        <translation>先做 CPU 计算，再回显</translation>
    </message>
    <message>
        <source>handout&apos;s loop (never ends)</source>
        <translation>讲义里的循环（永不结束）</translation>
    </message>
    <message>
        <source>handout&apos;s loop, fixed</source>
        <translation>讲义里的循环（已修正）</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>停止服务器</translation>
    </message>
    <message>
        <source>Start server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <source>%1 listening on %2</source>
        <translation>%1 正在 %2 上监听</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Compare side by side with</source>
        <translation>并排对比</translation>
    </message>
    <message>
        <source>nothing (one server)</source>
        <translation>不对比（一个服务器）</translation>
    </message>
</context>
<context>
    <name>SocketError</name>
    <message>
        <source>Address already in use</source>
        <translation>地址已被占用</translation>
    </message>
    <message>
        <source>Cannot assign requested address</source>
        <translation>无法分配所请求的地址</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>Connection reset by peer</source>
        <translation>连接被对端重置</translation>
    </message>
    <message>
        <source>Software caused connection abort</source>
        <translation>本机软件中止了连接</translation>
    </message>
    <message>
        <source>Broken pipe</source>
        <translation>管道已断开</translation>
    </message>
    <message>
        <source>Resource temporarily unavailable</source>
        <translation>资源暂时不可用</translation>
    </message>
    <message>
        <source>Operation now in progress</source>
        <translation>操作正在进行中</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>没有那个文件或目录</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>文件名过长</translation>
    </message>
    <message>
        <source>Invalid argument</source>
        <translation>无效的参数</translation>
    </message>
    <message>
        <source>Operation canceled</source>
        <translation>操作已取消</translation>
    </message>
    <message>
        <source>Transport endpoint is not connected</source>
        <translation>传输端点未连接</translation>
    </message>
    <message>
        <source>Network is unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <source>No route to host</source>
        <translation>没有到主机的路由</translation>
    </message>
    <message>
        <source>Bad file descriptor</source>
        <translation>错误的文件描述符</translation>
    </message>
    <message>
        <source>timed out</source>
        <extracomment>After &quot;TimeoutError: &quot;, Python&apos;s message for a settimeout() deadline</extracomment>
        <translation>超时</translation>
    </message>
    <message>
        <source>stopped before %1()</source>
        <translation>在 %1() 之前已停止</translation>
    </message>
</context>
<context>
    <name>StageView</name>
    <message>
        <source>SYN ×%1</source>
        <translation>SYN %1 次</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>thread %1</source>
        <translation>线程 %1</translation>
    </message>
    <message>
        <source>child %1 (pid %2)</source>
        <translation>子进程 %1（pid %2）</translation>
    </message>
    <message>
        <source>child %1</source>
        <translation>子进程 %1</translation>
    </message>
    <message>
        <source>server process (pid %1)</source>
        <translation>服务器进程（pid %1）</translation>
    </message>
    <message>
        <source>server process</source>
        <translation>服务器进程</translation>
    </message>
    <message>
        <source>server thread</source>
        <translation>服务器线程</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>SYN sent, no answer</source>
        <translation>已发 SYN，尚无应答</translation>
    </message>
    <message>
        <source>half-open</source>
        <translation>半连接</translation>
    </message>
    <message>
        <source>final ACK dropped</source>
        <translation>最后的 ACK 被丢弃</translation>
    </message>
    <message>
        <source>in the accept queue</source>
        <translation>在 全连接队列中</translation>
    </message>
    <message>
        <source>being served</source>
        <translation>正在被服务</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>No server yet: start one to see its clients here.</source>
        <translation>还没有服务器：启动一个，就能在这里看到它的客户端。</translation>
    </message>
    <message>
        <source>UDP: datagrams, no connections</source>
        <translation>UDP：只有数据报，没有连接</translation>
    </message>
    <message>
        <source>listening · listen(%1)</source>
        <translation>正在监听 · listen(%1)</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>未在监听</translation>
    </message>
    <message>
        <source>clients: %1</source>
        <translation>客户端：%1</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation>等待中：%1</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>还有 %1 个</translation>
    </message>
    <message>
        <source>SYN_SENT: %1</source>
        <translation>SYN_SENT：%1</translation>
    </message>
    <message>
        <source>outside, no answer yet</source>
        <translation>在队列外，尚无应答</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>在队列外</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>UDP has no accept queue: each datagram waits in the socket&apos;s receive buffer until recvfrom() reads it.</source>
        <translation>UDP 没有 全连接队列：每个数据报都在套接字的接收缓冲区里等待，直到 recvfrom() 把它读走。</translation>
    </message>
    <message>
        <source>UDP: no accept queue</source>
        <translation>UDP：没有 全连接队列</translation>
    </message>
    <message>
        <source>no accept queue</source>
        <translation>没有 全连接队列</translation>
    </message>
    <message>
        <source>accept queue %1/%2</source>
        <translation>全连接队列 %1/%2</translation>
    </message>
    <message>
        <source>queue %1/%2</source>
        <translation>队列 %1/%2</translation>
    </message>
    <message>
        <source>accept queue: %1 (capacity unknown)</source>
        <translation>全连接队列：%1（容量未知）</translation>
    </message>
    <message>
        <source>queue: %1 (capacity unknown)</source>
        <translation>队列：%1（容量未知）</translation>
    </message>
    <message>
        <source>queue: %1</source>
        <translation>队列：%1</translation>
    </message>
    <message>
        <source>+%1 more slots</source>
        <translation>还有 %1 个槽位</translation>
    </message>
    <message>
        <source>half-open: %1 · final ACK dropped: %2</source>
        <translation>半连接：%1 · 最后的 ACK 被丢弃：%2</translation>
    </message>
    <message>
        <source>half-open %1 · ACK lost %2</source>
        <translation>半连接 %1 · ACK 丢失 %2</translation>
    </message>
    <message>
        <source>half-open (SYN_RECV): %1</source>
        <translation>半连接（SYN_RECV）：%1</translation>
    </message>
    <message>
        <source>half-open: %1</source>
        <translation>半连接：%1</translation>
    </message>
    <message>
        <source>server · child processes: %1</source>
        <translation>服务器 · 子进程：%1</translation>
    </message>
    <message>
        <source>server · children: %1</source>
        <translation>服务器 · 子进程：%1</translation>
    </message>
    <message>
        <source>server · threads: %1</source>
        <translation>服务器 · 线程：%1</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <source>%1 serving a client</source>
        <translation>其中 %1 个正在服务客户端</translation>
    </message>
    <message>
        <source>no kernel reading yet</source>
        <translation>尚未读取内核数据</translation>
    </message>
    <message>
        <source>%1 exited</source>
        <translation>%1 个已退出</translation>
    </message>
    <message>
        <source>+%1 exited</source>
        <translation>另有 %1 个已退出</translation>
    </message>
</context>
<context>
    <name>SwarmConfig</name>
    <message>
        <source>clients must be between 0 and %1</source>
        <translation>客户端数量必须在 0 到 %1 之间</translation>
    </message>
    <message>
        <source>the arrival interval must be 0 ms or more</source>
        <translation>到达间隔必须大于或等于 0 毫秒</translation>
    </message>
    <message>
        <source>round trips must be 0 or more</source>
        <translation>往返次数必须大于或等于 0</translation>
    </message>
    <message>
        <source>think and hold times must be 0 s or more</source>
        <translation>思考时间和保持时间必须大于或等于 0 秒</translation>
    </message>
    <message>
        <source>the timeout must be 0 s or more</source>
        <translation>超时时间必须大于或等于 0 秒</translation>
    </message>
    <message>
        <source>SYN retries must be between 0 and 127</source>
        <translation>SYN 重试次数必须在 0 到 127 之间</translation>
    </message>
    <message>
        <source>an empty message gets no echo; send at least one byte</source>
        <translation>空消息不会得到回显；请至少发送一个字节</translation>
    </message>
</context>
<context>
    <name>ThreadLaneModel</name>
    <message>
        <source>worker %1 (tid %2)</source>
        <translation>工作线程 %1（tid %2）</translation>
    </message>
    <message>
        <source>child %1 (pid %2)</source>
        <translation>子进程 %1（pid %2）</translation>
    </message>
    <message>
        <source>server thread (tid %1)</source>
        <translation>服务器线程（tid %1）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TimePanel</name>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Step one call</source>
        <translation>单步执行一次调用</translation>
    </message>
    <message>
        <source>Slow motion: stretches the handlers&apos; sleep and CPU work</source>
        <translation>慢动作：拉长处理函数的睡眠和 CPU 计算</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>%1 was not waiting: its next call will go through.</source>
        <translation>%1 当前没有在等待：它的下一次调用会直接通过。</translation>
    </message>
    <message>
        <source>Nobody was waiting: the next call to arrive will go through.</source>
        <translation>没有线程在等待：下一个到达的调用会直接通过。</translation>
    </message>
    <message>
        <source>Released client %1: %2</source>
        <translation>已放行客户端 %1：%2</translation>
    </message>
    <message>
        <source>Released server thread (tid %1): %2</source>
        <translation>已放行服务器线程（tid %1）：%2</translation>
    </message>
    <message>
        <source>Released worker %1 (tid %2): %3</source>
        <translation>已放行工作线程 %1（tid %2）：%3</translation>
    </message>
    <message>
        <source>Released child %1: %2</source>
        <translation>已放行子进程 %1：%2</translation>
    </message>
    <message>
        <source>Released thread (tid %1): %2</source>
        <translation>已放行线程（tid %1）：%2</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between items of a list</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>1 server thread (%1)</source>
        <translation>1 个服务器线程（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n server threads (%1)</source>
        <translation>
            <numerusform>%n 个服务器线程（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>1 client (%1)</source>
        <translation>1 个客户端（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n clients (%1)</source>
        <translation>
            <numerusform>%n 个客户端（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>1 other thread (%1)</source>
        <translation>1 个其他线程（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n other threads (%1)</source>
        <translation>
            <numerusform>%n 个其他线程（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting at the gate: %1</source>
        <translation>在闸门前等待：%1</translation>
    </message>
    <message>
        <source>Nobody is waiting at the gate.</source>
        <translation>没有线程在闸门前等待。</translation>
    </message>
    <message>
        <source>Step releases only the next call of %1.</source>
        <translation>单步只放行 %1 的下一次调用。</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>in the accept queue</source>
        <translation>在全连接队列中</translation>
    </message>
    <message>
        <source>being served</source>
        <translation>正在被服务</translation>
    </message>
    <message>
        <source>waiting for the reply</source>
        <translation>等待回复</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <source>client %1: %2 from %3 s to %4 s (%5 s)</source>
        <translation>客户端 %1：%2，从 %3 秒到 %4 秒（%5 秒）</translation>
    </message>
    <message>
        <source>client %1: %2 at %3 s</source>
        <translation>客户端 %1：%3 秒时%2</translation>
    </message>
    <message>
        <source>last call: %1</source>
        <translation>最后一次调用：%1</translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>paused %1 s</source>
        <translation>暂停 %1 秒</translation>
    </message>
    <message>
        <source>The lab was paused here for %1 s: the clock stood still, the kernel did not.</source>
        <translation>实验室在这里暂停了 %1 秒：时钟停住了，内核却没有停。</translation>
    </message>
</context>
</TS>
