#!/usr/bin/env python3
"""Re-apply the Chinese terminology of the lessons (see "Chinese terminology" in lessons/FORMAT.md).

Run from anywhere:  python3 tools/zh-terms.py          rewrite lessons/ in place
                    python3 tools/zh-terms.py --check  change nothing; exit 1 if a rule still applies

It touches only Chinese text: every line of lessons/*/zh_CN.md, and in lessons/*/quiz.json,
lessons/*/experiment.json and lessons/glossary.json only the part of a line from its first
"zh_CN" key on (the English before it is never touched; lines without "zh_CN" are skipped).
The glossary's "syn-queue" entry is left alone. Each replacement changes words inside one line and
never reflows a paragraph, so it can be re-run after merges. It is idempotent: no replacement
produces text that a rule matches again.
"""
import pathlib
import re
import sys

# (pattern, replacement) in order: context-specific phrases first, the general rule last.
RULES = [
    # handler function/method (the code in handle()): 处理函数
    (r"在处理器里打印", "在处理函数里打印"),
    (r"在同步服务器的处理器里调用它", "在同步服务器的处理函数里调用它"),
    (r"；处理器就此结束", "；处理函数就此结束"),
    (r"处理器给一个全局计数器加一", "处理函数给一个全局计数器加一"),
    (r"一个永不返回的处理器", "一个永不返回的处理函数"),
    (r"讲义的处理器在客户端关闭之后", "讲义的处理函数在客户端关闭之后"),
    (r"讲义那个永不结束的处理器", "讲义那个永不结束的处理函数"),
    (r"^处理器里没有 `recv\(\)` 循环", "处理函数里没有 `recv()` 循环"),
    (r"让处理器在客户端关闭时跳出循环", "让处理函数在客户端关闭时跳出循环"),
    (r"正等着这个处理器返回", "正等着这个处理函数返回"),
    (r"然后处理器结束", "然后处理函数结束"),
    (r"每个处理器收到一次 b'' 就退出了", "每个处理函数收到一次 b'' 就退出了"),
    # where "handler" stood for a request, a thread or the work done, or 处理器 meant the CPU
    (r"某个处理器正处理到一半", "某个请求正处理到一半"),
    (r"如果瓶颈在处理器上", "如果瓶颈在 CPU 上"),
    (r"速度受处理器限制的工作", "速度受 CPU 限制的工作"),
    (r"时间都花在处理器每个客户端 1 秒的睡眠上", "时间都花在请求处理器为每个客户端睡的 1 秒上"),
    (r"整批只需要一个处理器的时间", "整批只需要处理一个请求的时间"),
    (r"4 个处理器、每个 1 秒", "4 个请求、每个 1 秒"),
    (r"5 个处理器全部重叠", "5 个请求的处理全部重叠"),
    (r"GIL 只放一个处理器进去", "GIL 只放一个线程进去"),
    (r"4 个客户端，处理器 1 秒", "4 个客户端，每个处理 1 秒"),
    (r"4 个处理器各睡 1 秒的客户端", "4 个客户端（请求处理器各睡 1 秒）"),
    (r"有几条处理器泳道", "有几条处理请求的泳道"),
    # the socketserver handler class or object: 请求处理器
    (r"(?<!请求)处理器", "请求处理器"),
    # a file descriptor as a handle: 句柄, not a door handle
    (r"把手", "句柄"),
    # bookkeeping: say what is kept, not 记账 (accounting)
    (r"去掉记账代码后", "去掉管理线程列表的代码后"),
    (r"多出来的是内核给自己记账用的余量", "多出来的部分留给内核自身的管理开销"),
    # workers, owner, cheap, tight loop
    (r"需要的是多个工作者（", "需要的是并发处理（"),
    (r"而它的主人没有在读", "而持有它的程序没有在读"),
    (r"线程启动更便宜", "线程启动开销更小"),
    (r"线程既便宜又自然", "线程开销小，用起来也自然"),
    (r"在紧凑的循环里反复重试", "在循环里不停地重试"),
]
COMPILED = [(re.compile(p), r, p) for p, r in RULES]
SKIP_LINE = re.compile(r'"id":\s*"syn-queue"')


def apply(text, counts):
    for rx, repl, key in COMPILED:
        text, n = rx.subn(lambda m, repl=repl: repl, text)
        counts[key] = counts.get(key, 0) + n
    return text


def rewrite(path, json_file, counts):
    old = path.read_text(encoding="utf-8")
    lines = old.split("\n")
    for i, line in enumerate(lines):
        if json_file:
            at = line.find('"zh_CN"')
            if at < 0 or SKIP_LINE.search(line):
                continue
            lines[i] = line[:at] + apply(line[at:], counts)
        else:
            lines[i] = apply(line, counts)
    new = "\n".join(lines)
    return old, new


def main():
    check = "--check" in sys.argv[1:]
    lessons = pathlib.Path(__file__).resolve().parent.parent / "lessons"
    files = [(p, False) for p in sorted(lessons.glob("*/zh_CN.md"))]
    files += [(p, True) for p in sorted(lessons.glob("*/quiz.json"))]
    files += [(p, True) for p in sorted(lessons.glob("*/experiment.json"))]
    files += [(lessons / "glossary.json", True)]
    counts = {}
    changed = []
    for path, json_file in files:
        old, new = rewrite(path, json_file, counts)
        if new != old:
            changed.append(path.relative_to(lessons.parent))
            if not check:
                path.write_text(new, encoding="utf-8")
    for _, repl, key in COMPILED:
        if counts.get(key):
            print(f"{counts[key]:3d}  {key}  ->  {repl}")
    for path in changed:
        print(("would change " if check else "changed ") + str(path))
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
