#pragma once

#include <QGroupBox>

class AcceptQueueView;
class ClientPanel;
class LabController;
class QLabel;
class ServerPanel;
class TimePanel;

// The live lab beside the lesson: server and client controls, time controls, and the views of
// what the kernel and the threads are doing, all fed by one LabController.
class LabArea final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabArea)

public:
    explicit LabArea(QWidget *parent = nullptr);
    ~LabArea() override;

    LabController *controller() const { return m_controller; }
    ServerPanel *serverPanel() const { return m_serverPanel; }
    ClientPanel *clientPanel() const { return m_clientPanel; }
    TimePanel *timePanel() const { return m_timePanel; }
    AcceptQueueView *queueView() const { return m_queueView; }
    QLabel *messageLabel() const { return m_message; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void startServer();
    void stopServer();
    void addClients(int clients);

    LabController *m_controller;
    ServerPanel *m_serverPanel;
    ClientPanel *m_clientPanel;
    TimePanel *m_timePanel;
    AcceptQueueView *m_queueView;
    QLabel *m_message;
    QLabel *m_machine;
};
