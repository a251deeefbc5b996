#pragma once

#include <QWidget>

class Gate;
class QComboBox;
class QLabel;
class QPushButton;

// Time controls on the gate: pause every socket call, step one call at a time, slow the
// handlers' work down, and reset the lab.
class TimePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimePanel)

public:
    explicit TimePanel(Gate *gate, QWidget *parent = nullptr);

    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *stepButton() const { return m_step; }
    QComboBox *speedBox() const { return m_speed; }
    // Step releases only this thread's next call (0 = whichever thread comes first).
    void setStepTarget(qint32 tid, const QString &who);

signals:
    void resetRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showWaiters();

    Gate *m_gate;
    QPushButton *m_pause;
    QPushButton *m_step;
    QComboBox *m_speed;
    QPushButton *m_reset;
    QLabel *m_waiting;
    qint32 m_stepTid = 0;
    QString m_stepWho;
};
