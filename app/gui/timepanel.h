#pragma once

#include "trace/gate.h"

#include <QWidget>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;

// Time controls on the gate: pause every socket call, step one call at a time (saying whom each
// step released and who waits), slow the handlers' work down, and reset the lab.
class TimePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimePanel)

public:
    explicit TimePanel(Gate *gate, QWidget *parent = nullptr);

    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *stepButton() const { return m_step; }
    QComboBox *speedBox() const { return m_speed; }
    // The buttons as actions (same text, state and click), for a toolbar.
    QAction *pauseAction() const { return m_pauseAction; } // checkable, checked while paused
    QAction *stepAction() const { return m_stepAction; }
    QAction *resetAction() const { return m_resetAction; }
    // Hides the buttons and the speed box (a toolbar has them); the gate's waiters stay shown.
    void setControlsVisible(bool visible);
    // Step releases only this thread's next call (0 = whichever thread comes first).
    void setStepTarget(qint32 tid, const QString &who);
    QLabel *waitingLabel() const { return m_waiting; } // what the last step released, who waits

    static constexpr int kMaxCallsNamed = 3; // calls named per group; the rest are "+N more"

signals:
    void resetRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showWaiters();
    void stepOnce();
    QString releasedText(bool twin) const;
    static QString waitingText(const std::vector<Gate::Waiter> &waiters, bool twin);
    static QString clientName(const Gate::Waiter &waiter, bool twin);

    Gate *m_gate;
    QPushButton *m_pause;
    QPushButton *m_step;
    QComboBox *m_speed;
    QPushButton *m_reset;
    QLabel *m_waiting;
    QAction *m_pauseAction;
    QAction *m_stepAction;
    QAction *m_resetAction;
    qint32 m_stepTid = 0;
    QString m_stepWho;
    bool m_stepped = false; // a step since the last pause: m_released says what it did
    std::optional<Gate::Waiter> m_released;
    qint32 m_grantTid = 0; // the step released nobody: a grant kept for this thread (0: anyone)
};
