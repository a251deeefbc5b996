#pragma once

#include <QFont>
#include <QObject>

// Scales the application font (UI and lesson text together) in fixed steps, like a browser.
class ZoomController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ZoomController)

public:
    explicit ZoomController(QObject *parent = nullptr);
    ~ZoomController() override; // gives the application its unscaled font back

    static QList<int> levels(); // percent
    static int presenterLevel() { return 200; }

    int percent() const { return m_percent; }
    void setPercent(int percent); // snapped to the nearest level
    void zoomIn();
    void zoomOut();
    void reset() { setPercent(100); }

signals:
    void zoomChanged(int percent);

private:
    QFont m_baseFont; // the application font at 100 %
    int m_percent = 100;
};
