#include "exampleview.h"

#include "fontsetup.h"

#include <QRegularExpression>
#include <QTextBlock>

ExampleView::ExampleView(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("exampleView"));
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    // Only the families are set: the size is inherited, so the code follows the zoom with the
    // rest of the window. The families are measured monospace, whatever fonts are here.
    QFont mono;
    mono.setFamilies(FontSetup::codeFamilies());
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
}

void ExampleView::setCode(const QString &code)
{
    setPlainText(code);
    m_line = 0;
    m_call.clear();
    setExtraSelections({});
}

int ExampleView::highlightCall(const QString &call)
{
    if (call == m_call)
        return m_line;
    m_call = call;
    m_line = 0;
    QList<QTextEdit::ExtraSelection> selections;
    if (!call.isEmpty()) {
        const QRegularExpression annotation(QStringLiteral("#\\s*lab:\\s*")
                                            + QRegularExpression::escape(call)
                                            + QStringLiteral("\\b"));
        for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
            if (!annotation.match(block.text()).hasMatch())
                continue;
            QTextEdit::ExtraSelection selection;
            selection.format.setBackground(palette().color(QPalette::Highlight));
            selection.format.setForeground(palette().color(QPalette::HighlightedText));
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selection.cursor = QTextCursor(block);
            selections.append(selection);
            m_line = block.blockNumber() + 1;
            setTextCursor(QTextCursor(block));
            ensureCursorVisible();
            break;
        }
    }
    setExtraSelections(selections);
    return m_line;
}
