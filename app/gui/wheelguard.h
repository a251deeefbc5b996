#pragma once

#include <QObject>

class QScrollArea;
class QWidget;

// Keeps the mouse wheel scrolling a scroll area when the pointer passes over a combo box or a
// spin box inside it: such a control takes the wheel only once it has focus (clicked or tabbed to).
class WheelGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WheelGuard)

public:
    // Guards every combo box and spin box in area's widget, and those added to it later. The
    // guard belongs to the area.
    static WheelGuard *install(QScrollArea *area);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit WheelGuard(QScrollArea *area);
    void guardTree(QWidget *root); // root and everything below it
    void guard(QWidget *widget);

    QScrollArea *m_area;
};
