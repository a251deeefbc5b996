#pragma once

#include <QHeaderView>

// A horizontal header whose titles break onto a second line ("First byte" over "(s)") when the
// columns would otherwise not fit the view's width, so a narrow table needs no sideways scroll.
class TwoLineHeader final : public QHeaderView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TwoLineHeader)

public:
    explicit TwoLineHeader(QWidget *parent = nullptr);

    bool isTwoLine() const { return m_twoLine; }
    void setModel(QAbstractItemModel *model) override;

protected:
    QSize sectionSizeFromContents(int logicalIndex) const override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QString title(int logicalIndex) const;
    int oneLineWidth() const; // all titles on one line, as wide as the sections would be
    void chooseLines();

    bool m_twoLine = false;
};
