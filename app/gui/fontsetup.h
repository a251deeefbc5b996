#pragma once

#include <QStringList>

// Chooses fonts so Chinese renders with Simplified Chinese glyph forms everywhere.
class FontSetup final
{
public:
    // Simplified Chinese families known to render zh_CN correctly, in order of preference.
    static QStringList preferredCjkFamilies();
    // The installed families that can render Simplified Chinese (empty: Chinese shows as boxes).
    static QStringList installedCjkFamilies();
    // Sets the application font's fallback list: the system UI family first, then a CJK SC family,
    // so Qt does not fall back to Japanese forms (Noto Sans CJK JP) for Chinese text.
    static void apply();
};
