#pragma once

#include <QStringList>

class QFont;

// Chooses fonts so Chinese renders with Simplified Chinese glyph forms everywhere, and code in
// a font whose letters really are all equally wide.
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

    // Families tried for code, in order of preference; the system's fixed font comes first.
    static QStringList monospaceCandidates();
    // Whether the font shown for `font` advances "i", "M", "." and "W" alike. Measured, because
    // QFontInfo::fixedPitch() is false for some monospace fonts (Noto Mono) and the system's
    // "monospace" can resolve to a proportional font.
    static bool isMonospace(const QFont &font);
    // The family code is shown in: the first candidate that measures monospace (as installed
    // here), followed by the CJK families so Chinese in code comments keeps its SC forms.
    static QStringList codeFamilies();
};
