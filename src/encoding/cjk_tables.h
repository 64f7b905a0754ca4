// The WHATWG CJK indexes, pointer -> code point (0 = no entry), built on first use (cjk_tables.cc).
#pragma once

#include <cstddef>
#include <cstdint>

namespace pith::detail {

inline constexpr size_t kGb18030BmpPointers = 39420;  // four-byte pointers below this map into the BMP
inline constexpr size_t kJis0208Pointers = 11280;     // Shift_JIS leads 0x81-0x9F, 0xE0-0xFC x 188

const uint32_t* gb18030_index();       // (lead - 0x81) * 190 + trail offset
const uint32_t* gb18030_ranges_bmp();  // four-byte pointers 0 .. kGb18030BmpPointers-1
const uint32_t* big5_index();          // (lead - 0x81) * 157 + trail offset
const uint32_t* euc_kr_index();        // (lead - 0x81) * 190 + trail - 0x41
const uint32_t* jis0208_index();       // row * 94 + cell, extended by the Shift_JIS lead range
const uint32_t* jis0212_index();       // row * 94 + cell

}  // namespace pith::detail
