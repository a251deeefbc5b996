#include "replaycursor.h"

#include <algorithm>

ReplayCursor::ReplayCursor(const RunRecord &record, qint64 epochNs, ClearModels clear,
                           ApplyToModels apply)
    : m_record(record)
    , m_epochNs(epochNs)
    , m_clear(std::move(clear))
    , m_apply(std::move(apply))
    , m_comparing(record.servers.size() > 1)
{
    m_prefix.reserve(record.frames.size() + 1);
    m_prefix.push_back(0);
    for (const RecordedFrame &f : record.frames)
        m_prefix.push_back(m_prefix.back() + f.events.size());
    m_durationNs = record.durationNs;
    if (!record.frames.empty())
        m_durationNs = std::max(m_durationNs, record.frames.back().labNs);
    m_durationNs = std::max<qint64>(m_durationNs, 0);
}

const ProbeSample *ReplayCursor::samplePointer(quint16 origin) const
{
    if (origin > 1 || !m_sampleFrame[origin])
        return nullptr;
    const RecordedFrame &f = m_record.frames[*m_sampleFrame[origin]];
    return origin == 0 ? &*f.sample : &*f.twinSample;
}

const ProbeSample *ReplayCursor::sample(quint16 origin) const
{
    return samplePointer(origin);
}

qint64 ReplayCursor::rowsNs(const ProbeSample *sample) const
{
    return sample ? m_epochNs + (sample->rowsNs != 0 ? sample->rowsNs : sample->ns) : 0;
}

void ReplayCursor::apply(size_t f, size_t from, size_t to, bool complete)
{
    const RecordedFrame &frame = m_record.frames[f];
    m_batch.assign(frame.events.begin() + qptrdiff(from), frame.events.begin() + qptrdiff(to));
    for (Event &e : m_batch)
        e.ns += m_epochNs;
    const ProbeSample *a = nullptr;
    const ProbeSample *b = nullptr;
    if (complete) {
        // Live applied the samples in force after the frame's events, every frame.
        if (frame.sample)
            m_sampleFrame[0] = f;
        if (frame.twinSample)
            m_sampleFrame[1] = f;
        a = samplePointer(0);
        b = m_comparing ? samplePointer(1) : nullptr;
    }
    m_apply(m_batch, a, rowsNs(a), b, rowsNs(b), m_epochNs + frame.labNs);
    m_appliedNowNs = frame.labNs;
    if (complete) {
        m_frame = f + 1;
        m_event = 0;
    } else {
        m_frame = f;
        m_event = to;
    }
}

void ReplayCursor::rebuild()
{
    m_clear();
    m_frame = m_event = m_whole = 0;
    m_sampleFrame[0].reset();
    m_sampleFrame[1].reset();
    m_positionNs = 0;
    m_appliedNowNs = -1;
}

void ReplayCursor::applyUpTo(size_t frames)
{
    while (m_frame < frames)
        apply(m_frame, m_event, m_record.frames[m_frame].events.size(), true);
}

void ReplayCursor::settle(qint64 positionNs)
{
    m_positionNs = positionNs;
    if (m_appliedNowNs == positionNs)
        return;
    // Between frames: the models' clock moves on, the samples in force are applied again (as
    // every live frame did; applying one twice changes nothing).
    const ProbeSample *a = samplePointer(0);
    const ProbeSample *b = m_comparing ? samplePointer(1) : nullptr;
    m_apply({}, a, rowsNs(a), b, rowsNs(b), m_epochNs + positionNs);
    m_appliedNowNs = positionNs;
}

void ReplayCursor::seek(qint64 labNs)
{
    const qint64 t = std::clamp<qint64>(labNs, 0, m_durationNs);
    const auto &frames = m_record.frames;
    const size_t target = size_t(
            std::upper_bound(frames.begin(), frames.end(), t,
                             [](qint64 ns, const RecordedFrame &f) { return ns < f.labNs; })
            - frames.begin());
    // On from here only when every frame so far went in whole (as live applied it) and the
    // target holds them all; after steps (one event at a time) or backwards: from nothing.
    const bool whole = m_frame == m_whole && m_event == 0;
    if (!whole || target < m_frame)
        rebuild();
    applyUpTo(target);
    m_whole = m_frame;
    settle(t);
}

bool ReplayCursor::stepForward()
{
    if (eventIndex() >= eventCount())
        return false;
    const auto &frames = m_record.frames;
    while (m_event == 0 && frames[m_frame].events.empty())
        apply(m_frame, 0, 0, true); // kernel samples only, before the next event
    const size_t count = frames[m_frame].events.size();
    apply(m_frame, m_event, m_event + 1, m_event + 1 == count);
    m_positionNs = frames[m_event > 0 ? m_frame : m_frame - 1].labNs;
    return true;
}

bool ReplayCursor::stepBack()
{
    const size_t index = eventIndex();
    if (index == 0)
        return false;
    const size_t target = index - 1; // events to have applied
    // The same pieces as before, one event fewer: the frames that went in whole, then one event
    // at a time. Back past the first of those whole frames: the frame holding the event taken
    // away is rebuilt event by event.
    size_t whole = m_whole;
    if (target < m_prefix[whole])
        whole = size_t(std::upper_bound(m_prefix.begin(), m_prefix.end(), target)
                       - m_prefix.begin())
                - 1;
    rebuild();
    applyUpTo(whole);
    m_whole = whole;
    if (whole > 0)
        m_positionNs = m_record.frames[whole - 1].labNs;
    while (eventIndex() < target)
        stepForward();
    if (m_appliedNowNs < 0)
        settle(0); // the run before anything
    return true;
}

std::optional<qint64> ReplayCursor::nextPauseAfterPosition() const
{
    std::optional<qint64> next;
    const auto consider = [&](qint64 ns) {
        if (ns > m_positionNs && ns <= m_durationNs && (!next || ns < *next))
            next = ns;
    };
    for (const RecordedPause &p : m_record.pauses)
        consider(p.labNs);
    // A pause point the run reached is its pause (at the lab time the lab stopped); one it did
    // not reach (the run ended first) is named at its own time.
    for (size_t i = 0; i < m_record.pausePoints.size(); ++i) {
        if (std::none_of(m_record.pauses.begin(), m_record.pauses.end(),
                         [i](const RecordedPause &p) { return p.pausePoint == int(i); }))
            consider(qint64(m_record.pausePoints[i].atSeconds * 1e9));
    }
    return next;
}
