#pragma once

#include <QPlainTextEdit>

// The lesson's example.py beside the lab, with the line that stands for the call a server
// thread is in right now highlighted (lines carry "# lab: CALL" annotations).
class ExampleView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExampleView)

public:
    explicit ExampleView(QWidget *parent = nullptr);

    void setCode(const QString &code);
    // Highlights the first line annotated "# lab: call"; returns its number (1-based), 0 if none.
    int highlightCall(const QString &call);
    int highlightedLine() const { return m_line; }

private:
    int m_line = 0;
    QString m_call;
};
