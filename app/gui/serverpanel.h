#pragma once

#include "server/serverconfig.h"

#include <QGroupBox>
#include <optional>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;

// The server controls: which socketserver class, family, port, backlog, handler and delay;
// Start / Stop; the bound address once listening, or why it could not start.
class ServerPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPanel)

public:
    explicit ServerPanel(QWidget *parent = nullptr);

    ServerConfig config() const;
    // The second server of a side-by-side comparison: the same settings, another class.
    std::optional<ServerConfig> twinConfig() const;
    void setConfig(const ServerConfig &config, const std::optional<ServerConfig> &twin);
    QComboBox *compareBox() const { return m_compare; }
    enum class Status { Idle, Listening, Stopped, Failed };
    // What the status line says; texts are composed in retranslate() so they follow the language.
    void setStatus(Status status, const QString &detail = {});
    QPushButton *startButton() const { return m_start; }
    // The Start/Stop button as an action (its text, its click), for a toolbar.
    QAction *startAction() const { return m_startAction; }
    QLabel *statusLabel() const { return m_status; }
    QComboBox *modelBox() const { return m_model; }
    QSpinBox *backlogBox() const { return m_backlog; }
    QComboBox *handlerBox() const { return m_handler; }
    QDoubleSpinBox *delayBox() const { return m_delay; }

signals:
    void startRequested();
    void stopRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QFormLayout *m_form;
    QComboBox *m_model;
    QComboBox *m_family;
    QSpinBox *m_port;
    QSpinBox *m_backlog;
    QComboBox *m_handler;
    QComboBox *m_compare;
    QDoubleSpinBox *m_delay;
    QPushButton *m_start;
    QAction *m_startAction;
    QLabel *m_status;
    Status m_state = Status::Idle;
    QString m_detail; // the bound address, or the error
};
