#include "menustyle.h"

#include <QApplication>
#include <QMenu>
#include <QStyleOptionMenuItem>

MenuStyle::MenuStyle() = default; // on the application's style

void MenuStyle::apply(QMenu *menu)
{
    static MenuStyle *shared = [] {
        auto *style = new MenuStyle;
        style->setParent(qApp); // deleted with the application
        return style;
    }();
    menu->setStyle(shared);
}

QSize MenuStyle::sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                                  const QWidget *widget) const
{
    QSize result = QProxyStyle::sizeFromContents(type, option, size, widget);
    const auto *item = qstyleoption_cast<const QStyleOptionMenuItem *>(option);
    if (type == CT_MenuItem && item && item->menuItemType != QStyleOptionMenuItem::Separator
        && qobject_cast<const QMenu *>(widget))
        result.rwidth() += qRound(result.height() * 0.79);
    return result;
}
