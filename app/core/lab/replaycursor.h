#pragma once

#include "lab/runrecord.h"

#include <QtGlobal>
#include <functional>
#include <optional>
#include <vector>

// Where a replay of a RunRecord stands, and how to get anywhere else: it hands the recorded
// frames to the models (through two callbacks) in exactly the pieces and order the live lab did.
//
// The position is a frame/event index, not only a time: a frame may hold events older than the
// frame before it. The state is "frames [0, f) applied whole, plus the first j events of frame f".
// - seek(t) applies every whole frame with labNs ≤ t (seeking to a recorded frame's labNs gives
//   the models exactly the state live had right after that frame).
// - stepForward() applies exactly one more event in recorded order. Frames without events that
//   lie before it (kernel samples only) are applied first. A frame's kernel samples are applied
//   with its last event, as live applied them after the frame's events.
// - stepBack() rebuilds from nothing in the same pieces, one event fewer: the frames the last seek
//   applied whole, then one event at a time (the ConnectionModel orders each batch's newcomers by
//   id, so the pieces matter). Back then forward gives the identical state, except right after a
//   seek: stepping back from there rebuilds the frame it steps into event by event. Index 0 is
//   the run before any event.
// A seek after steps rebuilds from nothing, so a seek always shows what live showed.
// Kernel samples keep the record's times (lab ns since the run's start).
class ReplayCursor final
{
public:
    // Forget everything the models hold (a rebuild from the start).
    using ClearModels = std::function<void()>;
    // One application: events in model time (epochNs + lab ns); the current kernel samples of A
    // and B (nullptr: none, or not applied in this piece) with the model time of their rows; the
    // model time now.
    using ApplyToModels = std::function<void(const std::vector<Event> &events, const ProbeSample *a,
                                             qint64 aRowsNs, const ProbeSample *b, qint64 bRowsNs,
                                             qint64 nowNs)>;

    ReplayCursor(const RunRecord &record, qint64 epochNs, ClearModels clear, ApplyToModels apply);

    qint64 positionNs() const { return m_positionNs; }
    qint64 durationNs() const { return m_durationNs; }
    size_t eventIndex() const { return m_prefix[m_frame] + m_event; }
    size_t eventCount() const { return m_prefix.back(); }
    bool atEnd() const { return m_frame >= m_record.frames.size() && m_positionNs >= m_durationNs; }

    void seek(qint64 labNs); // clamped to [0, duration]
    bool stepForward(); // false (nothing applied) when no event is left
    bool stepBack(); // false at index 0
    // The next recorded pause or pause point strictly after the position (lab ns), if any.
    std::optional<qint64> nextPauseAfterPosition() const;
    // The last kernel sample applied for origin 0 (A) or 1 (B); nullptr before any.
    const ProbeSample *sample(quint16 origin) const;

private:
    void rebuild(); // nothing applied, position 0
    // Events [from, to) of frame f; with its samples when complete (then the frame is done).
    void apply(size_t f, size_t from, size_t to, bool complete);
    void applyUpTo(size_t frames); // whole frames until `frames` are applied
    void settle(qint64 positionNs); // position and the models' now after a seek
    const ProbeSample *samplePointer(quint16 origin) const;
    qint64 rowsNs(const ProbeSample *sample) const;

    const RunRecord &m_record;
    qint64 m_epochNs;
    ClearModels m_clear;
    ApplyToModels m_apply;
    std::vector<size_t> m_prefix; // events before frame i; back() = all events
    qint64 m_durationNs = 0;
    bool m_comparing = false;

    size_t m_frame = 0; // frames applied whole
    size_t m_event = 0; // events of frame m_frame applied (< its count)
    size_t m_whole = 0; // frames [0, m_whole) went in whole; any after them, event by event
    qint64 m_positionNs = 0;
    qint64 m_appliedNowNs = -1; // the lab ns last given to the models as "now" (-1: none)
    // The sample of each origin in force: index of the frame that recorded it (none: no sample).
    std::optional<size_t> m_sampleFrame[2];
    std::vector<Event> m_batch;
};
