#include "clientoutcome.h"

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
