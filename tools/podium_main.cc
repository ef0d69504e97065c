// podium: leaderboards that a reviewer can trust. See README.md and docs/.
#include <iostream>
#include <string>
#include <vector>

#include "tools/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return podium::RunPodium(args, std::cout, std::cerr);
}
