#pragma once

#include "lesson/lessoncatalog.h"

#include <QMainWindow>

class LabArea;
class LanguageSwitcher;
class LessonView;
class QActionGroup;
class QListWidget;
class QSplitter;
class ZoomController;

// The window: lesson navigator | lesson text | lab, menus, language and zoom, remembered settings.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const QString &lessonsRoot = LessonCatalog::builtinRoot(),
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    const LessonCatalog &catalog() const { return m_catalog; }
    QListWidget *navigator() const { return m_navigator; }
    LessonView *lessonView() const { return m_lessonView; }
    LabArea *labArea() const { return m_labArea; }
    QSplitter *splitter() const { return m_splitter; }
    ZoomController *zoom() const { return m_zoom; }
    LanguageSwitcher *languageSwitcher() const { return m_language; }

    void selectLesson(int index);
    void setLanguage(const QString &language);
    QString currentLessonId() const;

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void retranslate();
    void fillNavigator();
    void showCurrentLesson();
    void restoreSettings();
    void saveSettings() const;
    void showAbout();

    LessonCatalog m_catalog;
    LanguageSwitcher *m_language;
    ZoomController *m_zoom;
    QListWidget *m_navigator;
    LessonView *m_lessonView;
    LabArea *m_labArea;
    QSplitter *m_splitter;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_zoomResetAction = nullptr;
    QAction *m_fullScreenAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QString m_shownLanguage; // the language the widgets were last translated into
};
