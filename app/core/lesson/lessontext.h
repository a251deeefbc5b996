#pragma once

#include <QString>

// The Markdown of a lesson in one language, and whether it had to fall back to English.
struct LessonText
{
    QString markdown;
    QString language; // the language the text is really in ("en", "zh_CN")
    bool fallback = false; // true when the requested language was missing and English is shown
};
