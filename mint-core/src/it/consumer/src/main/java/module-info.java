module example.consumer {
  requires dev.mint;
}
