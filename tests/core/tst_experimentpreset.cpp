// experiment.json → lab settings: good presets read, every bad field named.
#include "lesson/experimentpreset.h"

#include <QJsonDocument>
#include <QtTest>

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestExperimentPreset : public QObject
{
    Q_OBJECT

private slots:
    void readsTwoServersSideBySide()
    {
        QString error;
        const auto preset = ExperimentPreset::fromJson(
                json(R"({"servers": [{"model": "blocking", "backlog": 5, "handler": "sleep-echo",
                                      "delay": 2},
                                     {"model": "threading", "family": "inet6"}],
                         "clients": {"count": 8, "every_ms": 100, "message": "hi", "timeout": 3},
                         "paused": true})"),
                &error);
        QVERIFY2(preset, qPrintable(error));
        QCOMPARE(int(preset->servers.size()), 2);
        QCOMPARE(preset->servers[0].model, ServerModel::Blocking);
        QCOMPARE(preset->servers[0].handler, HandlerKind::SleepEcho);
        QCOMPARE(preset->servers[0].delaySeconds, 2.0);
        QCOMPARE(preset->servers[1].model, ServerModel::Threading);
        QCOMPARE(preset->servers[1].family, Family::Inet6);
        QCOMPARE(preset->servers[1].host, QStringLiteral("::1"));
        QCOMPARE(preset->servers[1].origin, quint16(1));
        QCOMPARE(preset->clients.clients, 8);
        QCOMPARE(preset->clients.arrival, Arrival::Every);
        QCOMPARE(preset->clients.everyMs, 100);
        QCOMPARE(preset->clients.message, QByteArray("hi"));
        QCOMPARE(*preset->clients.timeout, 3.0);
        QVERIFY(preset->paused);
        QCOMPARE(preset->observeSeconds, 10.0); // the default
        QVERIFY(preset->pauses.empty());
    }

    void readsPausePointsAndObserveTime()
    {
        const QByteArray text = R"({
            "servers": [ {} ], "observe_s": 6, "speed": 0.5,
            "pauses": [ { "at_s": 0.5, "holds_after_pauses": true,
                          "note": { "en": "Look.", "zh_CN": "看。" } },
                        { "at_s": 2 } ]
        })";
        QString error;
        const auto preset
                = ExperimentPreset::fromJson(QJsonDocument::fromJson(text).object(), &error);
        QVERIFY2(preset, qPrintable(error));
        QCOMPARE(preset->observeSeconds, 6.0);
        QCOMPARE(int(preset->pauses.size()), 2);
        QCOMPARE(preset->pauses[0].atSeconds, 0.5);
        QCOMPARE(preset->pauses[0].note.value(QStringLiteral("zh_CN")), QStringLiteral("看。"));
        QCOMPARE(preset->pauses[1].atSeconds, 2.0);
        QVERIFY(preset->pauses[1].note.isEmpty());
        QCOMPARE(preset->speed, 0.5);
        QVERIFY(preset->pauses[0].holdsAfterPauses);
        QVERIFY(!preset->pauses[1].holdsAfterPauses); // safe by default: timers may have run
        // Without "speed" a preset still sets it: to real time.
        const auto plain = ExperimentPreset::fromJson(
                QJsonDocument::fromJson(R"({"servers": [{}]})").object(), &error);
        QVERIFY(plain);
        QCOMPARE(plain->speed, 1.0);
    }

    void namesWhatIsWrong_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("no servers") << QByteArray("{}") << QStringLiteral("\"servers\" must be");
        QTest::newRow("three servers")
                << QByteArray(R"({"servers": [{}, {}, {}]})") << QStringLiteral("one or two");
        QTest::newRow("server not an object") << QByteArray(R"({"servers": [3]})")
                                              << QStringLiteral("servers[0] must be an object");
        QTest::newRow("unknown model") << QByteArray(R"({"servers": [{"model": "magic"}]})")
                                       << QStringLiteral("servers[0]: unknown model");
        QTest::newRow("backlog too big") << QByteArray(R"({"servers": [{"backlog": 1000}]})")
                                         << QStringLiteral("servers[0].backlog must be");
        QTest::newRow("count is text")
                << QByteArray(R"({"servers": [{}], "clients": {"count": "many"}})")
                << QStringLiteral("clients.count must be");
        QTest::newRow("observe too long") << QByteArray(R"({"servers": [{}], "observe_s": 99})")
                                          << QStringLiteral("experiment.observe_s must be");
        QTest::newRow("pauses not an array") << QByteArray(R"({"servers": [{}], "pauses": 1})")
                                             << QStringLiteral("\"pauses\" must be an array");
        QTest::newRow("pause without time")
                << QByteArray(R"({"servers": [{}], "pauses": [{"note": {}}]})")
                << QStringLiteral("pauses[0] must be an object with \"at_s\"");
        QTest::newRow("speed out of range") << QByteArray(R"({"servers": [{}], "speed": 0})")
                                            << QStringLiteral("experiment.speed must be a number");
        QTest::newRow("pauses out of order")
                << QByteArray(R"({"servers": [{}], "pauses": [{"at_s": 2}, {"at_s": 1}]})")
                << QStringLiteral("pauses[1].at_s must not be earlier");
    }
    void namesWhatIsWrong()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!ExperimentPreset::fromJson(QJsonDocument::fromJson(text).object(), &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestExperimentPreset)
#include "tst_experimentpreset.moc"
