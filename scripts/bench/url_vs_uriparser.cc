// Differential check of resolve_url (common/url.cc) against liburiparser's RFC 3986 resolution,
// over "BASE<TAB>HREF" lines on stdin (scripts/url-vs-uriparser.sh makes them from real pages):
// how many agree, differ, or are refused by uriparser as not RFC 3986 (with a few of each shown).
#include <uriparser/Uri.h>
#include <iostream>
#include <string>
#include "common/url.h"
static bool parse(const std::string& s, UriUriA& u){ const char* err; return uriParseSingleUriA(&u, s.c_str(), &err)==URI_SUCCESS; }
int main(){
  std::string line; long n=0, agree=0, ours_only=0, lib_only=0, differ=0, both_fail=0; int shown=0;
  while(std::getline(std::cin,line)){
    auto t=line.find('\t'); std::string base=line.substr(0,t), ref=line.substr(t+1); ++n;
    std::string ours=newsindex::resolve_url(base,ref);
    UriUriA b{}, r{}, res{}; std::string lib; bool ok=false;
    if(parse(base,b)&&parse(ref,r)&&uriAddBaseUriA(&res,&r,&b)==URI_SUCCESS){ int len; uriToStringCharsRequiredA(&res,&len); std::string s(len+1,'\0'); uriToStringA(s.data(),&res,len+1,nullptr); s.resize(len); lib=s; ok=true; uriFreeUriMembersA(&res);} 
    uriFreeUriMembersA(&b); uriFreeUriMembersA(&r);
    if(!ok){ if(ours==ref) both_fail++; else ours_only++; if(shown<8){std::cout<<"LIBFAIL "<<base<<" | "<<ref<<" -> "<<ours<<"\n";shown++;} continue; }
    if(lib==ours) agree++; else { differ++; if(shown<30){std::cout<<"DIFF "<<base<<" | "<<ref<<"\n  ours "<<ours<<"\n  lib  "<<lib<<"\n"; shown++;} }
  }
  std::cout<<"pairs "<<n<<" agree "<<agree<<" differ "<<differ<<" lib-cannot-parse "<<(ours_only+both_fail)<<" (ours resolved "<<ours_only<<")\n";
}
