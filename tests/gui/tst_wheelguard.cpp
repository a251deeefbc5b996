// The wheel over a combo box or a spin box inside a scroll area, offscreen: unfocused, the area
// scrolls and the value stays; focused, the control takes the wheel.
#include "wheelguard.h"

#include <QComboBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtTest>

namespace {

// One notch of a mouse wheel away from the user (up: a spin box steps up, an area scrolls up).
void turnWheel(QWidget *widget, int notches)
{
    const QPointF local = QRectF(widget->rect()).center();
    QWheelEvent wheel(local, widget->mapToGlobal(local), QPoint(), QPoint(0, 120 * notches),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &wheel);
}

} // namespace

class TestWheelGuard : public QObject
{
    Q_OBJECT

    // A short area over a tall page: the controls at its top, room to scroll below them.
    struct Page
    {
        QScrollArea area;
        QSpinBox *spin = nullptr;
        QComboBox *combo = nullptr;
        Page()
        {
            auto *content = new QWidget;
            auto *layout = new QVBoxLayout(content);
            spin = new QSpinBox(content);
            spin->setRange(0, 100);
            spin->setValue(50);
            combo = new QComboBox(content);
            combo->addItems({ QStringLiteral("×0.5"), QStringLiteral("×1"), QStringLiteral("×2") });
            combo->setCurrentIndex(1);
            layout->addWidget(spin);
            layout->addWidget(combo);
            auto *filler = new QWidget(content);
            filler->setFixedHeight(2000);
            layout->addWidget(filler);
            area.setWidget(content);
            area.setWidgetResizable(true);
            area.resize(300, 200);
        }
        // Guarded, shown and active, as the lab's own scroll area is.
        bool showGuarded()
        {
            WheelGuard::install(&area);
            area.show();
            area.activateWindow();
            return QTest::qWaitForWindowActive(&area);
        }
    };

private slots:
    void unfocusedControlsLetTheAreaScroll()
    {
        Page page;
        QVERIFY(page.showGuarded());
        page.area.setFocus(); // not the first control, which a shown window focuses
        QTRY_VERIFY(page.area.hasFocus());
        QScrollBar *bar = page.area.verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), 0);

        turnWheel(page.spin, -1); // towards the user: the page moves on
        QCOMPARE(page.spin->value(), 50);
        QVERIFY(bar->value() > 0);
        const int scrolled = bar->value();
        turnWheel(page.combo, -1);
        QCOMPARE(page.combo->currentIndex(), 1);
        QVERIFY(bar->value() > scrolled);
        QVERIFY(!page.spin->hasFocus() && !page.combo->hasFocus()); // the wheel gave no focus
    }

    void focusedControlsTakeTheWheel()
    {
        Page page;
        QVERIFY(page.showGuarded());
        QScrollBar *bar = page.area.verticalScrollBar();

        page.spin->setFocus();
        QTRY_VERIFY(page.spin->hasFocus());
        turnWheel(page.spin, 1);
        QCOMPARE(page.spin->value(), 51);
        QCOMPARE(bar->value(), 0);

        page.combo->setFocus();
        QTRY_VERIFY(page.combo->hasFocus());
        turnWheel(page.combo, -1);
        QCOMPARE(page.combo->currentIndex(), 2);
        QCOMPARE(bar->value(), 0);
    }

    void controlsAddedLaterAreGuarded()
    {
        Page page;
        QVERIFY(page.showGuarded());
        page.area.setFocus();
        QTRY_VERIFY(page.area.hasFocus());
        auto *later = new QSpinBox(page.area.widget());
        later->setValue(7);
        page.area.widget()->layout()->addWidget(later);
        later->show();
        QCOMPARE(later->focusPolicy(), Qt::StrongFocus);
        turnWheel(later, -1);
        QCOMPARE(later->value(), 7);
        QVERIFY(page.area.verticalScrollBar()->value() > 0);
    }

    void controlsMovedInLaterAreGuarded()
    {
        Page page;
        QVERIFY(page.showGuarded());
        page.area.setFocus();
        QTRY_VERIFY(page.area.hasFocus());
        // Built elsewhere, shown and polished there, then moved into the area inside a panel.
        QWidget elsewhere;
        auto *panel = new QWidget(&elsewhere);
        auto *moved = new QComboBox(panel);
        moved->addItems({ QStringLiteral("a"), QStringLiteral("b") });
        elsewhere.show();
        QVERIFY(moved->testAttribute(Qt::WA_WState_Polished));
        panel->setParent(page.area.widget());
        page.area.widget()->layout()->addWidget(panel);
        panel->show();
        QCOMPARE(moved->focusPolicy(), Qt::StrongFocus);
        turnWheel(moved, -1);
        QCOMPARE(moved->currentIndex(), 0);
        QVERIFY(page.area.verticalScrollBar()->value() > 0);
    }

    void onlyWheelControlsLoseWheelFocus()
    {
        Page page;
        auto *button = new QWidget(page.area.widget());
        button->setFocusPolicy(Qt::WheelFocus);
        WheelGuard::install(&page.area);
        QCOMPARE(page.spin->focusPolicy(), Qt::StrongFocus);
        QCOMPARE(page.combo->focusPolicy(), Qt::StrongFocus);
        QCOMPARE(button->focusPolicy(), Qt::WheelFocus);
    }
};

QTEST_MAIN(TestWheelGuard)
#include "tst_wheelguard.moc"
