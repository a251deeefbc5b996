#pragma once

#include "server/handler.h"

// The handout's threaded handler. AsWritten is its code exactly:
//     while True:
//         print("NEW:", self.client_address)
//         data = self.request.recv(1024)
//         self.request.send(data)
// It never leaves the loop: once the client closes, recv() returns b"" at once, forever, and the
// thread spins at 100 % CPU. Here it stops after config.seedLoopCpuCap seconds of CPU and records
// a Message event saying so (result = empty recv() calls seen). Fixed is its corrected twin:
// it leaves on b"" and uses sendall().
class SeedLoopHandler final : public Handler
{
public:
    enum Variant { AsWritten, Fixed };
    explicit SeedLoopHandler(Variant variant) : m_variant(variant) { }
    void handle(Request &request) override;

private:
    Variant m_variant;
};
