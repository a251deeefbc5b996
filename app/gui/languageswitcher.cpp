#include "languageswitcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>

LanguageSwitcher::LanguageSwitcher(QObject *parent) : QObject(parent) { }

QStringList LanguageSwitcher::languages()
{
    return { QStringLiteral("en"), QStringLiteral("zh_CN") };
}

QString LanguageSwitcher::nativeName(const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("中文");
    return QStringLiteral("English");
}

bool LanguageSwitcher::setLanguage(const QString &language)
{
    if (language == m_language)
        return true;
    QCoreApplication::removeTranslator(&m_appTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    bool ok = true;
    if (language != QLatin1String("en")) {
        ok = m_appTranslator.load(QStringLiteral(":/i18n/socketlab_") + language);
        if (ok) {
            // Qt's own strings (standard buttons, dialogs) where the system ships them.
            if (m_qtTranslator.load(QStringLiteral("qtbase_") + language,
                                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
                QCoreApplication::installTranslator(&m_qtTranslator);
            QCoreApplication::installTranslator(&m_appTranslator);
        }
    }
    // Installing or removing a translator sends every widget a LanguageChange event.
    m_language = ok ? language : QStringLiteral("en");
    emit languageChanged(m_language);
    return ok;
}
