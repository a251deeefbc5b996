#include "replaybar.h"

#include "lab/runfile.h"
#include "replayslider.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace {

// The longest source name shown in full, in average character widths; longer ones are elided
// (the whole name is in the tooltip).
constexpr int kSourceChars = 22;

} // namespace

ReplayBar::ReplayBar(QWidget *parent)
    : QWidget(parent)
    , m_source(new QLabel(this))
    , m_back(new QPushButton(this))
    , m_play(new QPushButton(this))
    , m_forward(new QPushButton(this))
    , m_jump(new QPushButton(this))
    , m_slider(new ReplaySlider(this))
    , m_time(new QLabel(this))
    , m_events(new QLabel(this))
    , m_speed(new QComboBox(this))
    , m_leave(new QPushButton(this))
{
    setObjectName(QStringLiteral("replayBar"));
    setFocusPolicy(Qt::StrongFocus);
    m_source->setObjectName(QStringLiteral("replaySource"));
    QFont bold = m_source->font();
    bold.setBold(true);
    m_source->setFont(bold);
    m_time->setObjectName(QStringLiteral("replayTime"));
    m_events->setObjectName(QStringLiteral("replayEvents"));
    m_time->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_events->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_slider->setRange(0, 0);
    for (const double speed : speeds())
        m_speed->addItem(QStringLiteral("×%1").arg(speed), speed);
    m_speed->setCurrentIndex(int(speeds().indexOf(1.0)));
    m_speed->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    // Two rows, so the bar never makes the lab wider than a laptop's lesson-and-lab layout
    // leaves it: the buttons, then the slider with the time and the event it stands on.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_source);
    buttons->addWidget(m_back);
    buttons->addWidget(m_play);
    buttons->addWidget(m_forward);
    buttons->addWidget(m_jump);
    buttons->addStretch(1);
    buttons->addWidget(m_speed);
    buttons->addWidget(m_leave);
    auto *position = new QHBoxLayout;
    position->addWidget(m_slider, 1); // the slider takes whatever width is left
    position->addWidget(m_time);
    position->addSpacing(fontMetrics().averageCharWidth() * 2);
    position->addWidget(m_events);
    layout->addLayout(buttons);
    layout->addLayout(position);
    for (QWidget *child : findChildren<QWidget *>())
        child->installEventFilter(this);

    connect(m_back, &QPushButton::clicked, this, &ReplayBar::stepBack);
    connect(m_forward, &QPushButton::clicked, this, &ReplayBar::stepForward);
    connect(m_jump, &QPushButton::clicked, this, &ReplayBar::jumpToPause);
    connect(m_leave, &QPushButton::clicked, this, &ReplayBar::leaveRequested);
    connect(m_play, &QPushButton::clicked, this, [this] { emit playToggled(!m_playing); });
    connect(m_speed, &QComboBox::activated, this,
            [this](int index) { emit speedRequested(m_speed->itemData(index).toDouble()); });
    connect(m_slider, &QSlider::valueChanged, this, &ReplayBar::sliderMoved);
    connect(m_slider, &QSlider::sliderReleased, this, [this] {
        m_seekTimer.stop();
        if (m_pendingSeek >= 0 && m_pendingSeek != m_sentSeek)
            sendSeek(m_pendingSeek);
        m_pendingSeek = -1;
        m_sentSeek = -1;
    });
    m_seekTimer.setSingleShot(true);
    m_seekTimer.setInterval(kSeekIntervalMs);
    connect(&m_seekTimer, &QTimer::timeout, this, [this] {
        if (m_pendingSeek >= 0 && m_pendingSeek != m_sentSeek && m_slider->isSliderDown()) {
            sendSeek(m_pendingSeek);
            m_seekTimer.start();
        }
    });
    retranslate();
}

QList<double> ReplayBar::speeds()
{
    return { 0.1, 0.25, 0.5, 1.0, 2.0, 4.0 };
}

double ReplayBar::speed() const
{
    return m_speed->currentData().toDouble();
}

void ReplayBar::setDuration(qint64 ns)
{
    m_durationNs = std::max<qint64>(0, ns);
    const qint64 units = (m_durationNs + kSliderUnitNs - 1) / kSliderUnitNs;
    m_settingSlider = true;
    m_slider->setRange(0, int(std::min<qint64>(units, INT_MAX)));
    m_settingSlider = false;
    m_slider->setPageStep(std::max(1, m_slider->maximum() / 20));
    setPauseMarks(m_marks); // in slider units of the new range
    showTime();
    updateButtons();
}

void ReplayBar::setPosition(qint64 ns)
{
    m_positionNs = std::clamp<qint64>(ns, 0, m_durationNs);
    if (!m_slider->isSliderDown()) { // never fight the user's drag
        m_settingSlider = true;
        m_slider->setValue(int(std::min<qint64>(m_positionNs / kSliderUnitNs, INT_MAX)));
        m_settingSlider = false;
    }
    showTime();
    updateButtons();
}

void ReplayBar::setEvents(size_t index, size_t count)
{
    m_eventCount = count;
    m_eventIndex = std::min(index, count);
    showEvents();
    updateButtons();
}

void ReplayBar::setPlaying(bool playing)
{
    m_playing = playing;
    retranslate();
}

void ReplayBar::setSpeed(double speed)
{
    if (!(speed > 0))
        return;
    const QList<double> offered = speeds();
    int best = 0;
    for (int i = 1; i < offered.size(); ++i) {
        if (std::abs(std::log(offered[i] / speed)) < std::abs(std::log(offered[best] / speed)))
            best = i;
    }
    m_speed->setCurrentIndex(best); // `activated` is for the user's choices only
}

void ReplayBar::setPauseMarks(const std::vector<qint64> &labNs)
{
    m_marks = labNs;
    std::vector<int> values;
    values.reserve(m_marks.size());
    for (const qint64 ns : m_marks)
        values.push_back(int(std::clamp<qint64>(ns / kSliderUnitNs, 0, INT_MAX)));
    m_slider->setMarks(values);
    updateButtons();
}

void ReplayBar::setSource(const QString &name)
{
    m_sourceName = name;
    showSource();
}

void ReplayBar::sliderMoved(int value)
{
    if (m_settingSlider)
        return;
    if (!m_slider->isSliderDown()) { // a click on the groove, a key: at once
        sendSeek(value);
        return;
    }
    m_pendingSeek = value;
    if (!m_seekTimer.isActive()) { // the first move of a drag goes at once, then spaced
        sendSeek(value);
        m_seekTimer.start();
    }
}

void ReplayBar::sendSeek(int value)
{
    if (m_slider->isSliderDown())
        m_sentSeek = value;
    emit seekRequested(std::min(qint64(value) * kSliderUnitNs, m_durationNs));
}

bool ReplayBar::handleKey(QKeyEvent *event)
{
    if (event->modifiers() & ~Qt::KeypadModifier)
        return false;
    switch (event->key()) {
    case Qt::Key_Space:
        if (!event->isAutoRepeat())
            emit playToggled(!m_playing);
        return true;
    case Qt::Key_Left:
        emit stepBack();
        return true;
    case Qt::Key_Right:
        emit stepForward();
        return true;
    default:
        return false;
    }
}

void ReplayBar::keyPressEvent(QKeyEvent *event)
{
    if (!handleKey(event))
        QWidget::keyPressEvent(event);
}

bool ReplayBar::eventFilter(QObject *watched, QEvent *event)
{
    // The controls would take these keys for themselves (a button clicks on Space, the slider
    // moves on the arrows); in this bar they mean play and step, whichever control has focus.
    if (event->type() == QEvent::KeyPress && handleKey(static_cast<QKeyEvent *>(event)))
        return true;
    if (event->type() == QEvent::KeyRelease) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Space || key == Qt::Key_Left || key == Qt::Key_Right)
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ReplayBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString ReplayBar::seconds(qint64 ns)
{
    return QString::number(double(ns) / 1e9, 'f', 2);
}

void ReplayBar::showTime()
{
    m_time->setText(tr("%1 s / %2 s").arg(seconds(m_positionNs), seconds(m_durationNs)));
    // As wide as the widest text this duration can give, so the slider does not jitter.
    const QString widest = tr("%1 s / %2 s").arg(seconds(m_durationNs), seconds(m_durationNs));
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(widest));
}

void ReplayBar::showEvents()
{
    m_events->setText(tr("event %1 / %2").arg(m_eventIndex).arg(m_eventCount));
    const QString widest = tr("event %1 / %2").arg(m_eventCount).arg(m_eventCount);
    m_events->setMinimumWidth(m_events->fontMetrics().horizontalAdvance(widest));
}

void ReplayBar::showSource()
{
    // A run file's name without its suffix (all of them have it); the whole name in the tooltip.
    QString name = m_sourceName;
    if (name.endsWith(QLatin1String(RunFile::suffix)))
        name.chop(int(qstrlen(RunFile::suffix)));
    const QFontMetrics metrics = m_source->fontMetrics();
    name = metrics.elidedText(name, Qt::ElideMiddle, metrics.averageCharWidth() * kSourceChars);
    const QString what = tr("Replay: %1", "what is replayed: a file name or \"last run\"");
    m_source->setText(m_sourceName.isEmpty() ? tr("Replay") : what.arg(name));
    m_source->setToolTip(m_sourceName.isEmpty() ? tr("Replay") : what.arg(m_sourceName));
}

void ReplayBar::updateButtons()
{
    m_back->setEnabled(m_eventIndex > 0);
    m_forward->setEnabled(m_eventIndex < m_eventCount);
    m_jump->setEnabled(std::any_of(m_marks.begin(), m_marks.end(),
                                   [this](qint64 ns) { return ns > m_positionNs; }));
}

void ReplayBar::retranslate()
{
    m_back->setText(tr("◀ Back"));
    m_back->setToolTip(tr("Step back one event (Left arrow)"));
    // As wide as the wider of its two texts, so playing does not shift the bar.
    int playWidth = 0;
    for (const QString &text : { tr("‖ Pause"), tr("▶ Play") }) {
        m_play->setText(text);
        playWidth = std::max(playWidth, m_play->sizeHint().width());
    }
    m_play->setMinimumWidth(playWidth);
    m_play->setText(m_playing ? tr("‖ Pause") : tr("▶ Play"));
    m_slider->setMinimumWidth(fontMetrics().averageCharWidth() * 8);
    m_play->setToolTip(m_playing ? tr("Pause the replay (Space)")
                                 : tr("Play the run again from here (Space)"));
    m_forward->setText(tr("Next ▶"));
    m_forward->setToolTip(tr("Step forward one event (Right arrow)"));
    m_jump->setText(tr("Next pause"));
    m_jump->setToolTip(tr("Jump to the next place where the run was paused"));
    m_slider->setToolTip(tr("The run's time: drag to go anywhere in it; the marks are where it "
                            "was paused"));
    m_speed->setToolTip(tr("Replay speed"));
    m_leave->setText(tr("Leave replay"));
    m_leave->setToolTip(tr("Back to the live lab"));
    m_events->setToolTip(tr("Events shown so far, of all the run's events"));
    showSource();
    showTime();
    showEvents();
    updateButtons();
}
