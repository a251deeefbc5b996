#include "labarea.h"

#include <QEvent>
#include <QFile>
#include <QLabel>
#include <QSysInfo>
#include <QVBoxLayout>

namespace {

// A sysctl read live from /proc; empty when this system has no such file.
QString readSysctl(const char *path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll()).trimmed();
}

} // namespace

LabArea::LabArea(QWidget *parent)
    : QGroupBox(parent), m_intro(new QLabel(this)), m_machine(new QLabel(this))
{
    setObjectName(QStringLiteral("labArea"));
    auto *layout = new QVBoxLayout(this);
    m_intro->setWordWrap(true);
    m_intro->setAlignment(Qt::AlignCenter);
    m_machine->setObjectName(QStringLiteral("labMachine"));
    m_machine->setAlignment(Qt::AlignCenter);
    m_machine->setWordWrap(true);
    m_machine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addStretch(1);
    layout->addWidget(m_intro);
    layout->addWidget(m_machine);
    layout->addStretch(1);
    retranslate();
}

void LabArea::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void LabArea::retranslate()
{
    setTitle(tr("Lab"));
    m_intro->setText(tr("The live lab appears here: real servers and clients on this machine, "
                        "their threads, and the kernel's accept queue."));
    const QString somaxconn = readSysctl("/proc/sys/net/core/somaxconn");
    m_machine->setText(tr("Kernel: %1 %2 · net.core.somaxconn = %3")
                               .arg(QSysInfo::kernelType(), QSysInfo::kernelVersion(),
                                    somaxconn.isEmpty() ? tr("not available") : somaxconn));
}
