// The Chinese UI catalogue is complete (every source string translated, none left unfinished)
// and the compiled catalogue embedded in the app translates what the .ts file says.
#include <QFile>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    struct Message
    {
        QString context;
        QString source;
        QString translation;
        bool unfinished = false;
    };

    static QList<Message> readTs(const QString &path)
    {
        QList<Message> messages;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return messages;
        QXmlStreamReader xml(&file);
        QString context;
        Message current;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                current = Message{ context, {}, {}, false };
            } else if (xml.name() == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                current.unfinished = xml.attributes().value(QLatin1String("type"))
                        == QLatin1String("unfinished");
                current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                messages.append(current);
            }
        }
        return xml.hasError() ? QList<Message>() : messages;
    }

private slots:
    void chineseCatalogueIsComplete()
    {
        const QList<Message> messages
                = readTs(QStringLiteral(SOCKETLAB_SOURCE_DIR "/translations/socketlab_zh_CN.ts"));
        QVERIFY(messages.size() >= 20);
        for (const Message &message : messages) {
            const QString where = message.context + QLatin1String(": ") + message.source;
            QVERIFY2(!message.unfinished, qPrintable(where));
            QVERIFY2(!message.translation.trimmed().isEmpty(), qPrintable(where));
            QVERIFY2(message.translation != message.source, qPrintable(where));
            // Place markers survive translation.
            for (int n = 1; n <= 9; ++n) {
                const QString marker = QLatin1Char('%') + QString::number(n);
                QCOMPARE(message.translation.contains(marker), message.source.contains(marker));
            }
        }
    }

    void embeddedCatalogueMatchesTheTsFile()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/socketlab_zh_CN")));
        const QList<Message> messages
                = readTs(QStringLiteral(SOCKETLAB_SOURCE_DIR "/translations/socketlab_zh_CN.ts"));
        for (const Message &message : messages) {
            // A plural form (%n) is looked up with a count; one form is enough for Chinese.
            const int n = message.source.contains(QLatin1String("%n")) ? 2 : -1;
            QCOMPARE(translator.translate(message.context.toUtf8().constData(),
                                          message.source.toUtf8().constData(), nullptr, n),
                     message.translation.trimmed());
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
