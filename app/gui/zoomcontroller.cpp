#include "zoomcontroller.h"

#include <QApplication>
#include <cstdlib>

ZoomController::ZoomController(QObject *parent) : QObject(parent), m_baseFont(QApplication::font())
{ }

ZoomController::~ZoomController()
{
    QApplication::setFont(m_baseFont);
}

QList<int> ZoomController::levels()
{
    return { 50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300 };
}

void ZoomController::setPercent(int percent)
{
    int best = 100;
    for (int level : levels()) {
        if (std::abs(level - percent) < std::abs(best - percent))
            best = level;
    }
    if (best == m_percent)
        return;
    m_percent = best;
    QFont font = m_baseFont;
    if (m_baseFont.pointSizeF() > 0)
        font.setPointSizeF(m_baseFont.pointSizeF() * m_percent / 100.0);
    else
        font.setPixelSize(qMax(1, m_baseFont.pixelSize() * m_percent / 100));
    QApplication::setFont(font);
    emit zoomChanged(m_percent);
}

void ZoomController::zoomIn()
{
    for (int level : levels()) {
        if (level > m_percent) {
            setPercent(level);
            return;
        }
    }
}

void ZoomController::zoomOut()
{
    const QList<int> all = levels();
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        if (*it < m_percent) {
            setPercent(*it);
            return;
        }
    }
}
