#pragma once

#include <QGroupBox>

class QLabel;

// The lab's place in the window: a labelled frame beside the lesson that the live lab fills.
// For now it states the machine facts the lab will be measured against (kernel, somaxconn).
class LabArea final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabArea)

public:
    explicit LabArea(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_intro;
    QLabel *m_machine;
};
