module example.snoop {
  requires dev.mint;
}
