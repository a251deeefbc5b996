#pragma once

#include "client/swarmconfig.h"

#include <QGroupBox>

class QAction;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QPushButton;
class QSpinBox;

// The client controls: how many, all at once or staggered, what each sends, the connect
// timeout; add one, add N, kill them all. Without a running server they target host:port.
class ClientPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientPanel)

public:
    explicit ClientPanel(QWidget *parent = nullptr);

    SwarmConfig config(int clients) const;
    void setConfig(const SwarmConfig &config);
    int count() const;
    QPushButton *addOneButton() const { return m_addOne; }
    QPushButton *addManyButton() const { return m_addMany; }
    // "Add 8 clients": the Add N button as an action naming how many, for a toolbar.
    QAction *addManyAction() const { return m_addManyAction; }
    QPushButton *killButton() const { return m_kill; }
    QSpinBox *countBox() const { return m_count; }
    QSpinBox *everyBox() const { return m_every; }

signals:
    void addRequested(int clients);
    void killRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QFormLayout *m_form;
    QSpinBox *m_count;
    QSpinBox *m_every;
    QLineEdit *m_message;
    QDoubleSpinBox *m_timeout;
    QLineEdit *m_target;
    QPushButton *m_addOne;
    QPushButton *m_addMany;
    QPushButton *m_kill;
    QAction *m_addManyAction;
};
