// SPDX-License-Identifier: MIT
// The line markup of rendered consent letters, split into blocks for the text and PDF writers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace contact_audit::report::letter {

enum class BlockKind
{
  title,      // "# text"
  heading,    // "## text"
  paragraph,  // Consecutive plain lines; each line break is kept.
  checkbox,   // "[ ] text"
  page_break, // "---"
};

struct Block
{
  BlockKind kind = BlockKind::paragraph;
  std::vector<std::string> lines; // Without the markup; empty for page breaks.
};

// Split `rendered` into blocks; blank lines end paragraphs, trailing spaces are
// dropped, and a page break at the very start or end is ignored.
std::vector<Block> parse_blocks(std::string_view rendered);

} // namespace contact_audit::report::letter
