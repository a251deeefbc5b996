#include "wheelguard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QScrollArea>
#include <QWheelEvent>

namespace {

bool isWheelControl(const QObject *object)
{
    return qobject_cast<const QComboBox *>(object)
            || qobject_cast<const QAbstractSpinBox *>(object);
}

} // namespace

WheelGuard::WheelGuard(QScrollArea *area) : QObject(area), m_area(area) { }

WheelGuard *WheelGuard::install(QScrollArea *area)
{
    auto *guard = new WheelGuard(area);
    if (QWidget *content = area->widget())
        guard->guardTree(content);
    return guard;
}

void WheelGuard::guardTree(QWidget *root)
{
    guard(root);
    const QList<QWidget *> below = root->findChildren<QWidget *>();
    for (QWidget *widget : below)
        guard(widget);
}

void WheelGuard::guard(QWidget *widget)
{
    // Every widget is watched for children polished into it later; a control also for the wheel.
    widget->removeEventFilter(this); // installed once, however often the widget is seen
    widget->installEventFilter(this);
    if (isWheelControl(widget))
        widget->setFocusPolicy(Qt::StrongFocus); // the wheel alone does not focus it
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ChildPolished) {
        // Sent when a new child is first polished (fully built, unlike at ChildAdded) and when a
        // polished one is moved in.
        if (auto *child = qobject_cast<QWidget *>(static_cast<QChildEvent *>(event)->child()))
            guardTree(child);
        return false;
    }
    if (event->type() != QEvent::Wheel || !isWheelControl(watched))
        return false;
    auto *control = static_cast<QWidget *>(watched);
    if (control->hasFocus())
        return false; // chosen by the user: the wheel changes its value
    // Not focused: the wheel is the area's, as over any other part of it.
    auto *wheel = static_cast<QWheelEvent *>(event);
    QWidget *viewport = m_area->viewport();
    QWheelEvent forwarded(viewport->mapFromGlobal(wheel->globalPosition()), wheel->globalPosition(),
                          wheel->pixelDelta(), wheel->angleDelta(), wheel->buttons(),
                          wheel->modifiers(), wheel->phase(), wheel->inverted(), wheel->source(),
                          wheel->pointingDevice());
    QCoreApplication::sendEvent(viewport, &forwarded);
    return true;
}
