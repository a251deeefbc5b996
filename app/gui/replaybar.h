#pragma once

#include <QList>
#include <QTimer>
#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class ReplaySlider;

// The controls of a replay of a recorded run: step back / play-pause / step forward one event,
// jump to the next place the run paused, a slider over the run's duration (with the pauses marked
// on it), the time and the event shown, the replay speed, and a way back to the live lab. A label
// on the left says "Replay" and what is replayed, so nobody takes it for a live run.
//
// A pure view: it shows what its owner sets and asks by signals; it never changes its own state
// on a click (the play button says "Pause" only once setPlaying(true) was called).
//
// Keys, while the bar or any of its controls has focus: Space plays or pauses, Left and Right step
// one event (also when the slider has focus: it does not move by itself on those keys).
//
// The slider: dragging it emits seekRequested() at once, then at most every kSeekIntervalMs while
// the drag goes on (the latest position), and once more on release if the last one sent differs;
// a click on the groove or a key on it (PageUp/Down, Home/End) seeks at once. setPosition() while
// the user drags updates the time label but leaves the handle where the user holds it.
class ReplayBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayBar)

public:
    explicit ReplayBar(QWidget *parent = nullptr);

    static constexpr int kSeekIntervalMs = 50;
    static constexpr qint64 kSliderUnitNs = 1'000'000; // the slider counts milliseconds
    static QList<double> speeds(); // ×0.1 … ×4, the speeds offered

    void setDuration(qint64 ns);
    void setPosition(qint64 ns);
    // `index` events of `count` are shown so far (0: none yet, count: all).
    void setEvents(size_t index, size_t count);
    void setPlaying(bool playing);
    void setSpeed(double speed); // the nearest one offered is selected
    void setPauseMarks(const std::vector<qint64> &labNs);
    void setSource(const QString &name); // a file name, or "last run"

    qint64 duration() const { return m_durationNs; }
    qint64 position() const { return m_positionNs; }
    bool isPlaying() const { return m_playing; }
    double speed() const;
    const std::vector<qint64> &pauseMarks() const { return m_marks; }

    QLabel *sourceLabel() const { return m_source; }
    QPushButton *backButton() const { return m_back; }
    QPushButton *playButton() const { return m_play; }
    QPushButton *forwardButton() const { return m_forward; }
    QPushButton *pauseJumpButton() const { return m_jump; }
    ReplaySlider *slider() const { return m_slider; }
    QLabel *timeLabel() const { return m_time; }
    QLabel *eventLabel() const { return m_events; }
    QComboBox *speedBox() const { return m_speed; }
    QPushButton *leaveButton() const { return m_leave; }

signals:
    void playToggled(bool play);
    void stepForward();
    void stepBack();
    void jumpToPause();
    void seekRequested(qint64 ns);
    void speedRequested(double speed);
    void leaveRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    bool handleKey(QKeyEvent *event);
    void retranslate();
    void showTime();
    void showEvents();
    void showSource();
    void updateButtons();
    void sliderMoved(int value);
    void sendSeek(int value);
    static QString seconds(qint64 ns);

    QLabel *m_source;
    QPushButton *m_back;
    QPushButton *m_play;
    QPushButton *m_forward;
    QPushButton *m_jump;
    ReplaySlider *m_slider;
    QLabel *m_time;
    QLabel *m_events;
    QComboBox *m_speed;
    QPushButton *m_leave;
    QTimer m_seekTimer; // spaces the seeks a drag sends
    qint64 m_durationNs = 0;
    qint64 m_positionNs = 0;
    size_t m_eventIndex = 0;
    size_t m_eventCount = 0;
    bool m_playing = false;
    bool m_settingSlider = false; // the slider moves because setPosition() said so
    int m_pendingSeek = -1; // a drag position not sent yet
    int m_sentSeek = -1; // the last position sent while dragging
    QString m_sourceName;
    std::vector<qint64> m_marks;
};
