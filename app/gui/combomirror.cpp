#include "combomirror.h"

#include <QEvent>

ComboMirror::ComboMirror(QComboBox *original, QWidget *parent)
    : QComboBox(parent), m_original(original)
{
    setModel(original->model());
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    follow();
    connect(original, &QComboBox::currentIndexChanged, this, &ComboMirror::follow);
    connect(this, &QComboBox::activated, this, [this](int index) {
        if (m_original)
            m_original->setCurrentIndex(index);
    });
    original->installEventFilter(this);
}

void ComboMirror::follow()
{
    if (!m_original)
        return;
    setCurrentIndex(m_original->currentIndex());
    setEnabled(m_original->isEnabled());
    setToolTip(m_original->toolTip());
}

bool ComboMirror::eventFilter(QObject *watched, QEvent *event)
{
    // Enabled state and tooltip have no signal; the original's events say when they change.
    // The event's type first: the original, while destroyed, still sends others (Hide), and
    // comparing with m_original then reads a QComboBox that is no longer one.
    if ((event->type() == QEvent::EnabledChange || event->type() == QEvent::ToolTipChange)
        && watched == m_original)
        follow();
    return QComboBox::eventFilter(watched, event);
}
