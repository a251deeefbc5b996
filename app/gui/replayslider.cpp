#include "replayslider.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionSlider>

ReplaySlider::ReplaySlider(QWidget *parent) : QSlider(Qt::Horizontal, parent)
{
    setObjectName(QStringLiteral("replaySlider"));
}

void ReplaySlider::setMarks(const std::vector<int> &values)
{
    m_marks = values;
    update();
}

int ReplaySlider::markX(int value) const
{
    QStyleOptionSlider option;
    initStyleOption(&option);
    const QRect groove
            = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
    const QRect handle
            = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
    // The handle's centre travels from groove.left + handle/2 to groove.right - handle/2.
    const int span = groove.width() - handle.width();
    return groove.left() + handle.width() / 2
            + QStyle::sliderPositionFromValue(minimum(), maximum(), value, std::max(span, 0),
                                              option.upsideDown);
}

void ReplaySlider::paintEvent(QPaintEvent *)
{
    // As QSlider paints itself, with the marks drawn between the groove and the handle.
    QPainter painter(this);
    QStyleOptionSlider option;
    initStyleOption(&option);
    option.subControls = QStyle::SC_SliderGroove;
    style()->drawComplexControl(QStyle::CC_Slider, &option, &painter, this);
    const QRect groove
            = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
    // A small upright bar across the groove, in the highlight colour, for each pause.
    const int half = std::max(groove.height(), fontMetrics().height() / 2) / 2 + 2;
    const int width = std::max(2, fontMetrics().height() / 6);
    const QColor colour = palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled,
                                          QPalette::Highlight);
    for (const int value : m_marks) {
        if (value < minimum() || value > maximum())
            continue;
        const int x = markX(value);
        painter.fillRect(QRect(x - width / 2, groove.center().y() - half, width, 2 * half), colour);
    }
    option.subControls = QStyle::SC_SliderHandle;
    style()->drawComplexControl(QStyle::CC_Slider, &option, &painter, this);
}
