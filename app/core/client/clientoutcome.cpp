#include "clientoutcome.h"

#include <QCoreApplication>

QString ClientOutcome::resultKey(Result result)
{
    switch (result) {
    case Result::Pending:
        return QStringLiteral("pending");
    case Result::Ok:
        return QStringLiteral("ok");
    case Result::Refused:
        return QStringLiteral("refused");
    case Result::TimedOut:
        return QStringLiteral("timed-out");
    case Result::Failed:
        return QStringLiteral("failed");
    case Result::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

QString ClientOutcome::resultText(Result result)
{
    switch (result) {
    case Result::Pending:
        //: A client's result: still running
        return QCoreApplication::translate("ClientOutcome", "pending");
    case Result::Ok:
        //: A client's result: it got its echo
        return QCoreApplication::translate("ClientOutcome", "ok");
    case Result::Refused:
        //: A client's result: connect() was refused
        return QCoreApplication::translate("ClientOutcome", "refused");
    case Result::TimedOut:
        //: A client's result
        return QCoreApplication::translate("ClientOutcome", "timed out");
    case Result::Failed:
        //: A client's result
        return QCoreApplication::translate("ClientOutcome", "failed");
    case Result::Stopped:
        //: A client's result: the user stopped it
        return QCoreApplication::translate("ClientOutcome", "stopped");
    }
    return {};
}
