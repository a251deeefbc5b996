#include "fontsetup.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>

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
