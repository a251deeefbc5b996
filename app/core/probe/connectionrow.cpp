#include "connectionrow.h"

QString ConnectionRow::stateName(int state)
{
    switch (state) {
    case Established:
        return QStringLiteral("ESTAB");
    case SynSent:
        return QStringLiteral("SYN-SENT");
    case SynRecv:
        return QStringLiteral("SYN-RECV");
    case FinWait1:
        return QStringLiteral("FIN-WAIT-1");
    case FinWait2:
        return QStringLiteral("FIN-WAIT-2");
    case TimeWait:
        return QStringLiteral("TIME-WAIT");
    case Close:
        return QStringLiteral("UNCONN");
    case CloseWait:
        return QStringLiteral("CLOSE-WAIT");
    case LastAck:
        return QStringLiteral("LAST-ACK");
    case Listen:
        return QStringLiteral("LISTEN");
    case Closing:
        return QStringLiteral("CLOSING");
    }
    return QStringLiteral("UNKNOWN(%1)").arg(state);
}
