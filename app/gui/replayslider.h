#pragma once

#include <QSlider>
#include <vector>

// The replay's time slider: a horizontal QSlider that also marks, on its groove, the values where
// the run paused, so one sees where the pauses are before getting there.
class ReplaySlider final : public QSlider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplaySlider)

public:
    explicit ReplaySlider(QWidget *parent = nullptr);

    void setMarks(const std::vector<int> &values); // slider values; those outside the range are
                                                   // not drawn
    const std::vector<int> &marks() const { return m_marks; }
    // Where a mark for `value` is drawn, in this widget's coordinates (the handle's centre there).
    int markX(int value) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<int> m_marks;
};
