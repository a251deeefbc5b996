#pragma once

#include "lesson/lessoncatalog.h"

#include <QMainWindow>

class LabArea;
class LanguageSwitcher;
class LessonStrip;
class LessonView;
class QActionGroup;
class QLabel;
class QListWidget;
class QSplitter;
class QToolBar;
class RunFileActions;
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

    // Presenter layout (F5, remembered): the lab fills the window, the lesson folds into a strip
    // (heading, pause note, a button to open it), the lab's controls in one toolbar row.
    // Leaving it restores the layout as it was.
    void setPresenterMode(bool on);
    bool isPresenterMode() const { return m_presenter; }
    QAction *presenterAction() const { return m_presenterAction; }
    QAction *deskZoomAction() const { return m_deskAction; } // 100 %
    QAction *projectorZoomAction() const { return m_projectorAction; } // 200 %
    QToolBar *viewToolBar() const { return m_viewToolBar; }
    QToolBar *labToolBar() const { return m_labToolBar; } // shown in presenter layout only
    LessonStrip *lessonStrip() const { return m_strip; }
    QLabel *zoomLabel() const { return m_zoomLabel; } // "Zoom 200 %" in the status bar
    // Open / save / replay recorded runs (File menu, drag and drop, `socketlab FILE`).
    RunFileActions *runFiles() const { return m_runFiles; }

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void createToolBars();
    void fitToScreen();
    void showZoom();
    void showStrip();
    void retranslate();
    void fillNavigator();
    void showProgress(int row); // the lesson's line in the navigator, with what was done
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
    QAction *m_presenterAction = nullptr;
    QAction *m_deskAction = nullptr;
    QAction *m_projectorAction = nullptr;
    QToolBar *m_viewToolBar = nullptr;
    QToolBar *m_labToolBar = nullptr;
    QLabel *m_compareLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    LessonStrip *m_strip = nullptr;
    RunFileActions *m_runFiles = nullptr;
    bool m_presenter = false;
    bool m_shownOnce = false;
    bool m_restored = false; // the window's geometry came from the settings
    QByteArray m_normalSplitter; // the main splitter before presenter layout
    QString m_shownLanguage; // the language the widgets were last translated into
};
