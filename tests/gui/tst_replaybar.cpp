// ReplayBar offscreen: its signals on clicks, keys and slider drags, what its labels say, the
// speeds it offers, its pause marks, and that it fits (no child outside, no clipped text) at
// 1366 px with the normal font and at 1920 px with the font at 200 %.

#include "replaybar.h"
#include "replayslider.h"
#include "zoomcontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QtTest>

namespace {

constexpr qint64 kSecond = 1'000'000'000;

QPoint handleCentre(ReplaySlider *slider)
{
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.orientation = Qt::Horizontal;
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    option.subControls = QStyle::SC_All;
    return slider->style()
            ->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider)
            .center();
}

// Every visible child inside the bar, and every button's and label's text within its width.
QStringList misfits(ReplayBar &bar, int width)
{
    QStringList out;
    // A top-level widget is never made narrower than its layout's minimum: check it got `width`.
    if (bar.width() != width)
        out << QStringLiteral("the bar is %1 px wide, not %2").arg(bar.width()).arg(width);
    const QRect inside = bar.rect();
    if (bar.minimumSizeHint().width() > bar.width())
        out << QStringLiteral("the bar needs %1 px, has %2")
                        .arg(bar.minimumSizeHint().width())
                        .arg(bar.width());
    for (QWidget *child : bar.findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (!child->isVisible())
            continue;
        const QRect where(child->mapTo(&bar, QPoint(0, 0)), child->size());
        if (!inside.contains(where))
            out << QStringLiteral("%1 at %2,%3 %4×%5 is outside the bar")
                            .arg(child->metaObject()->className())
                            .arg(where.x())
                            .arg(where.y())
                            .arg(where.width())
                            .arg(where.height());
        QString text;
        int room = 0;
        if (auto *button = qobject_cast<QPushButton *>(child)) {
            text = button->text();
            room = button->width();
        } else if (auto *label = qobject_cast<QLabel *>(child)) {
            text = label->text();
            room = label->contentsRect().width();
        } else if (auto *box = qobject_cast<QComboBox *>(child)) {
            for (int i = 0; i < box->count(); ++i) {
                if (box->fontMetrics().horizontalAdvance(box->itemText(i)) > box->width())
                    out << QStringLiteral("combo item %1 is clipped").arg(box->itemText(i));
            }
            continue;
        } else {
            continue;
        }
        const int need = child->fontMetrics().horizontalAdvance(text);
        if (need > room)
            out << QStringLiteral("\"%1\" needs %2 px, has %3").arg(text).arg(need).arg(room);
    }
    return out;
}

void fillForLayout(ReplayBar &bar)
{
    bar.setSource(QStringLiteral("run-2026-12-02-experiment-accept-queue.socketlab-run"));
    bar.setDuration(600 * kSecond); // the longest text: "600.00 s / 600.00 s"
    bar.setPosition(123 * kSecond);
    bar.setEvents(11999, 12000);
    bar.setPauseMarks({ 10 * kSecond, 300 * kSecond });
    bar.setPlaying(false);
}

} // namespace

class TestReplayBar : public QObject
{
    Q_OBJECT

private slots:
    void clicksEmitTheirSignals()
    {
        ReplayBar bar;
        bar.setDuration(8 * kSecond);
        bar.setEvents(3, 10);
        bar.setPauseMarks({ 5 * kSecond });
        bar.show();
        QSignalSpy back(&bar, &ReplayBar::stepBack);
        QSignalSpy forward(&bar, &ReplayBar::stepForward);
        QSignalSpy jump(&bar, &ReplayBar::jumpToPause);
        QSignalSpy play(&bar, &ReplayBar::playToggled);
        QSignalSpy leave(&bar, &ReplayBar::leaveRequested);
        bar.backButton()->click();
        bar.forwardButton()->click();
        bar.forwardButton()->click();
        bar.pauseJumpButton()->click();
        bar.leaveButton()->click();
        QCOMPARE(back.count(), 1);
        QCOMPARE(forward.count(), 2);
        QCOMPARE(jump.count(), 1);
        QCOMPARE(leave.count(), 1);

        // Play asks; only setPlaying() changes what the button says.
        QCOMPARE(bar.playButton()->text(), QStringLiteral("▶ Play"));
        bar.playButton()->click();
        QCOMPARE(play.count(), 1);
        QCOMPARE(play.last().at(0).toBool(), true);
        QCOMPARE(bar.playButton()->text(), QStringLiteral("▶ Play"));
        bar.setPlaying(true);
        QCOMPARE(bar.playButton()->text(), QStringLiteral("‖ Pause"));
        bar.playButton()->click();
        QCOMPARE(play.last().at(0).toBool(), false);

        // At the ends the step buttons are off; past the last pause mark the jump is off.
        bar.setEvents(0, 10);
        QVERIFY(!bar.backButton()->isEnabled());
        QVERIFY(bar.forwardButton()->isEnabled());
        bar.setEvents(10, 10);
        QVERIFY(bar.backButton()->isEnabled());
        QVERIFY(!bar.forwardButton()->isEnabled());
        QVERIFY(bar.pauseJumpButton()->isEnabled());
        bar.setPosition(5 * kSecond);
        QVERIFY(!bar.pauseJumpButton()->isEnabled());
    }

    void keysPlayAndStepWhereverTheFocusIs()
    {
        ReplayBar bar;
        bar.setDuration(8 * kSecond);
        bar.setPosition(2 * kSecond);
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QSignalSpy back(&bar, &ReplayBar::stepBack);
        QSignalSpy forward(&bar, &ReplayBar::stepForward);
        QSignalSpy play(&bar, &ReplayBar::playToggled);
        QSignalSpy seek(&bar, &ReplayBar::seekRequested);
        for (QWidget *target : std::initializer_list<QWidget *>{
                     &bar, bar.slider(), bar.playButton(), bar.leaveButton() }) {
            back.clear();
            forward.clear();
            play.clear();
            QTest::keyClick(target, Qt::Key_Space);
            QTest::keyClick(target, Qt::Key_Right);
            QTest::keyClick(target, Qt::Key_Right);
            QTest::keyClick(target, Qt::Key_Left);
            QCOMPARE(play.count(), 1);
            QCOMPARE(forward.count(), 2);
            QCOMPARE(back.count(), 1);
        }
        // The arrows stepped events; they did not move the slider nor seek, and Space on the
        // Leave button did not leave.
        QCOMPARE(bar.slider()->value(), 2000);
        QCOMPARE(seek.count(), 0);
    }

    void theTimeAndEventLabels()
    {
        ReplayBar bar;
        bar.setDuration(8 * kSecond);
        bar.setPosition(3'200'000'000);
        QCOMPARE(bar.timeLabel()->text(), QStringLiteral("3.20 s / 8.00 s"));
        QCOMPARE(bar.slider()->value(), 3200);
        bar.setPosition(9 * kSecond); // clamped to the run
        QCOMPARE(bar.timeLabel()->text(), QStringLiteral("8.00 s / 8.00 s"));
        bar.setEvents(41, 120);
        QCOMPARE(bar.eventLabel()->text(), QStringLiteral("event 41 / 120"));
        bar.setSource(QStringLiteral("last run"));
        QCOMPARE(bar.sourceLabel()->text(), QStringLiteral("Replay: last run"));
        bar.setSource(QString());
        QCOMPARE(bar.sourceLabel()->text(), QStringLiteral("Replay"));
    }

    void theSpeedsOffered()
    {
        ReplayBar bar;
        const QList<double> expected{ 0.1, 0.25, 0.5, 1.0, 2.0, 4.0 };
        QCOMPARE(ReplayBar::speeds(), expected);
        QComboBox *box = bar.speedBox();
        QCOMPARE(box->count(), expected.size());
        for (int i = 0; i < box->count(); ++i)
            QCOMPARE(box->itemData(i).toDouble(), expected[i]);
        QCOMPARE(box->itemText(0), QStringLiteral("×0.1"));
        QCOMPARE(box->itemText(5), QStringLiteral("×4"));
        QCOMPARE(bar.speed(), 1.0);

        QSignalSpy requested(&bar, &ReplayBar::speedRequested);
        bar.setSpeed(2.0);
        QCOMPARE(box->currentText(), QStringLiteral("×2"));
        bar.setSpeed(0.3); // the nearest offered
        QCOMPARE(bar.speed(), 0.25);
        QCOMPARE(requested.count(), 0); // what the owner sets is not a request
        bar.show();
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Down); // the user picks the next one
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.last().at(0).toDouble(), 0.5);
    }

    void pauseMarks()
    {
        ReplayBar bar;
        bar.setDuration(8 * kSecond);
        const std::vector<qint64> marks{ 800'000'000, 5 * kSecond };
        bar.setPauseMarks(marks);
        QCOMPARE(bar.pauseMarks(), marks);
        QCOMPARE(bar.slider()->marks(), (std::vector<int>{ 800, 5000 }));
        bar.resize(800, bar.sizeHint().height());
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        // The marks are drawn where the handle stands at their time.
        ReplaySlider *slider = bar.slider();
        QVERIFY(slider->markX(800) < slider->markX(5000));
        bar.setPosition(5 * kSecond);
        QVERIFY(qAbs(handleCentre(slider).x() - slider->markX(5000)) <= 1);
        // A longer run: the same times, other slider values.
        bar.setDuration(16 * kSecond);
        QCOMPARE(bar.slider()->marks(), (std::vector<int>{ 800, 5000 }));
        QCOMPARE(bar.pauseMarks(), marks);
        // Painted: the highlight colour is on the groove where a mark is.
        const QImage image = slider->grab().toImage();
        const QColor highlight = slider->palette().color(QPalette::Highlight);
        bool found = false;
        for (int y = 0; y < image.height() && !found; ++y)
            found = image.pixelColor(slider->markX(800), y) == highlight;
        QVERIFY(found);
    }

    void dragsSeekSpacedAndAreNotFought()
    {
        ReplayBar bar;
        bar.setDuration(10 * kSecond);
        bar.resize(900, bar.sizeHint().height());
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QSignalSpy seek(&bar, &ReplayBar::seekRequested);
        ReplaySlider *slider = bar.slider();

        // A click on the groove, away from the handle, seeks at once.
        QTest::mouseClick(slider, Qt::LeftButton, {},
                          QPoint(slider->width() - 5, slider->height() / 2));
        QCOMPARE(seek.count(), 1);
        QVERIFY(seek.last().at(0).toLongLong() > 0);
        bar.setPosition(0);
        seek.clear();

        // A drag: the first move goes at once, the rest at most every kSeekIntervalMs, the
        // final position always.
        slider->setSliderDown(true);
        slider->setSliderPosition(1000);
        QCOMPARE(seek.count(), 1);
        QCOMPARE(seek.last().at(0).toLongLong(), 1 * kSecond);
        slider->setSliderPosition(2000);
        slider->setSliderPosition(3000);
        // The owner follows the seek: that must not move the handle under the user's hand.
        bar.setPosition(1 * kSecond);
        QCOMPARE(slider->sliderPosition(), 3000);
        QCOMPARE(bar.timeLabel()->text(), QStringLiteral("1.00 s / 10.00 s"));
        QTRY_COMPARE(seek.last().at(0).toLongLong(), 3 * kSecond); // the latest, spaced
        const int spaced = int(seek.count());
        QVERIFY(spaced <= 3);
        slider->setSliderPosition(7000);
        slider->setSliderDown(false); // release: the final position goes at once
        QCOMPARE(seek.last().at(0).toLongLong(), 7 * kSecond);
        QVERIFY(seek.count() <= spaced + 2);

        // The same with the mouse: press on the handle, move, release.
        bar.setPosition(0);
        seek.clear();
        const QPoint start = handleCentre(slider);
        QTest::mousePress(slider, Qt::LeftButton, {}, start);
        QTest::mouseMove(slider, QPoint(slider->width() / 2, start.y()));
        QTest::mouseRelease(slider, Qt::LeftButton, {}, QPoint(slider->width() / 2, start.y()));
        QVERIFY(seek.count() >= 1);
        const qint64 middle = seek.last().at(0).toLongLong();
        QVERIFY2(middle > 3 * kSecond && middle < 7 * kSecond, qPrintable(QString::number(middle)));
    }

    void fitsAt1366AndAt1920With200PercentFont()
    {
        {
            ReplayBar bar;
            fillForLayout(bar);
            bar.resize(1366, bar.sizeHint().height());
            bar.show();
            QVERIFY(QTest::qWaitForWindowExposed(&bar));
            const QStringList wrong = misfits(bar, 1366);
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
            QVERIFY(bar.slider()->width() >= bar.fontMetrics().averageCharWidth() * 8);
            QVERIFY(bar.grab().save(QStringLiteral("/tmp/h5-bar.png")));
        }
        // A bar that was there before the zoom follows it (the owner's window zooms while the
        // replay is shown).
        const qreal base = QApplication::font().pointSizeF();
        ReplayBar bar;
        fillForLayout(bar);
        bar.setPlaying(true);
        bar.show();
        ZoomController zoom;
        zoom.setPercent(200);
        {
            QTRY_COMPARE(bar.font().pointSizeF(), 2 * base);
            QTRY_COMPARE(bar.timeLabel()->font().pointSizeF(), 2 * base);
            bar.resize(1920, bar.sizeHint().height());
            QVERIFY(QTest::qWaitForWindowExposed(&bar));
            const QStringList wrong = misfits(bar, 1920);
            QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
            QVERIFY(bar.grab().save(QStringLiteral("/tmp/h5-bar-200.png")));
        }
    }
};

QTEST_MAIN(TestReplayBar)
#include "tst_replaybar.moc"
