#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

// The lesson pane folded into one strip (presenter layout): the lesson's heading, the note of
// the pause point the lab stands at, and a button that opens the lesson pane again or folds it.
class LessonStrip final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LessonStrip)

public:
    explicit LessonStrip(QWidget *parent = nullptr);

    void setHeading(const QString &heading);
    void setNote(const QString &note); // empty: no pause note, the line is hidden
    void setLessonOpen(bool open); // the button's state, without emitting
    bool isLessonOpen() const;

    QLabel *headingLabel() const { return m_heading; }
    QLabel *noteLabel() const { return m_note; }
    QToolButton *toggleButton() const { return m_toggle; }

signals:
    void lessonOpenToggled(bool open);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_heading;
    QLabel *m_note;
    QToolButton *m_toggle;
};
