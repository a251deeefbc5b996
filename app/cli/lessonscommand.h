#pragma once

#include <QStringList>

// `socketlab-cli lessons [--dir DIR]`: lists the lessons as JSON lines and checks that they read
// cleanly — a teacher's check before class. Exit 0 when clean, 1 when any file has a problem.
class LessonsCommand final
{
public:
    static int run(const QStringList &arguments);
};
