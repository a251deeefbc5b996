#include "fontsetup.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>

QStringList FontSetup::preferredCjkFamilies()
{
    return { QStringLiteral("Noto Sans CJK SC"), QStringLiteral("WenQuanYi Micro Hei"),
             QStringLiteral("WenQuanYi Zen Hei"), QStringLiteral("Source Han Sans SC") };
}

QStringList FontSetup::installedCjkFamilies()
{
    return QFontDatabase::families(QFontDatabase::SimplifiedChinese);
}

void FontSetup::apply()
{
    const QStringList installed = QFontDatabase::families();
    QFont font = QApplication::font();
    QStringList families{ font.family() };
    for (const QString &family : preferredCjkFamilies()) {
        if (installed.contains(family))
            families.append(family);
    }
    // Anything else that claims Simplified Chinese, as a last resort.
    const QStringList others = installedCjkFamilies();
    for (const QString &family : others) {
        if (!families.contains(family))
            families.append(family);
    }
    font.setFamilies(families);
    QApplication::setFont(font);
}

QStringList FontSetup::monospaceCandidates()
{
    return { QFontDatabase::systemFont(QFontDatabase::FixedFont).family(),
             QStringLiteral("DejaVu Sans Mono"),
             QStringLiteral("Noto Sans Mono"),
             QStringLiteral("Noto Mono"),
             QStringLiteral("Liberation Mono"),
             QStringLiteral("WenQuanYi Micro Hei Mono"),
             QStringLiteral("monospace") };
}

bool FontSetup::isMonospace(const QFont &font)
{
    const QFontMetricsF metrics(font);
    const qreal width = metrics.horizontalAdvance(QLatin1Char('i'));
    if (width <= 0)
        return false;
    for (const QChar c : { QLatin1Char('M'), QLatin1Char('.'), QLatin1Char('W') }) {
        if (!qFuzzyCompare(metrics.horizontalAdvance(c), width))
            return false;
    }
    return true;
}

QStringList FontSetup::codeFamilies()
{
    static const QStringList families = [] {
        QString chosen;
        for (const QString &candidate : monospaceCandidates()) {
            QFont font(candidate);
            font.setStyleHint(QFont::TypeWriter);
            // The family really shown: a missing one falls back to another, measured as such.
            const QString shown = QFontInfo(font).family();
            if (isMonospace(QFont(shown))) {
                chosen = shown;
                break;
            }
        }
        // None measures monospace (a bare system): the system's fixed font is the best guess.
        QStringList list{ chosen.isEmpty() ? monospaceCandidates().constFirst() : chosen };
        const QStringList installed = QFontDatabase::families();
        for (const QString &family : preferredCjkFamilies()) {
            if (installed.contains(family))
                list.append(family);
        }
        return list;
    }();
    return families;
}
