#pragma once

#include <QComboBox>
#include <QPointer>

// A second face of a combo box elsewhere (a toolbar's copy of a panel's choice): the same items
// (one model), the same current item both ways, the same enabled state and tooltip. The original
// keeps every piece of logic; choosing here chooses there.
class ComboMirror final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComboMirror)

public:
    explicit ComboMirror(QComboBox *original, QWidget *parent = nullptr);

    QComboBox *original() const { return m_original; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow();

    QPointer<QComboBox> m_original;
};
