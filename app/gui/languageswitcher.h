#pragma once

#include <QObject>
#include <QTranslator>

// Owns the UI translators and switches the application language live; Qt then sends every
// widget a LanguageChange event and each retranslates itself.
class LanguageSwitcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageSwitcher)

public:
    explicit LanguageSwitcher(QObject *parent = nullptr);

    static QStringList languages(); // "en", "zh_CN"
    // The language name written in that language, for menus ("English", "中文").
    static QString nativeName(const QString &language);

    QString language() const { return m_language; }
    // Installs the translators for language; false (and English) if its catalogue is missing.
    bool setLanguage(const QString &language);

signals:
    void languageChanged(const QString &language);

private:
    QString m_language = QStringLiteral("en");
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
};
