#pragma once

#include <QStringList>

// `socketlab-cli experiment --lesson ID [--dir DIR] [--quiz]` or `--file experiment.json`: runs
// a lesson's experiment headless and prints what it measured, one JSON line per server; with
// --quiz, runs every "predict" question and prints the measured value beside the quiz's answer.
// Exit 0 when every run worked (and every predicted answer is what the run showed), else 1.
class ExperimentCommand final
{
public:
    static int run(const QStringList &arguments);
};
