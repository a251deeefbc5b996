#pragma once

#include <QProxyStyle>

class QMenu;

// Menus readable at any zoom. Fusion draws a menu item's text after a check column as wide as
// 0.79 × the item's height, but measures the item with a fixed narrow column; at 300 % the text
// then gets less room than it needs and is elided ("En…sh"). This style measures the item with
// the column as it is drawn.
class MenuStyle final : public QProxyStyle
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MenuStyle)

public:
    // The style is shared and lives as long as the application.
    static void apply(QMenu *menu);

    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                           const QWidget *widget) const override;

private:
    MenuStyle();
};
